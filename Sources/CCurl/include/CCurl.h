#ifndef VTRACK_CCURL_H
#define VTRACK_CCURL_H
// libcurl for Swift: curl_easy_setopt/getinfo are variadic, which Swift cannot call,
// so each argument type gets one small non-variadic wrapper.
#include <curl/curl.h>

typedef size_t (*vtrack_curl_write_cb)(char *ptr, size_t size, size_t nmemb, void *userdata);

static inline CURLcode vtrack_curl_setopt_long(CURL *h, CURLoption opt, long v) { return curl_easy_setopt(h, opt, v); }
static inline CURLcode vtrack_curl_setopt_string(CURL *h, CURLoption opt, const char *v) { return curl_easy_setopt(h, opt, v); }
static inline CURLcode vtrack_curl_setopt_pointer(CURL *h, CURLoption opt, void *v) { return curl_easy_setopt(h, opt, v); }
static inline CURLcode vtrack_curl_setopt_slist(CURL *h, CURLoption opt, struct curl_slist *v) { return curl_easy_setopt(h, opt, v); }
static inline CURLcode vtrack_curl_setopt_write(CURL *h, CURLoption opt, vtrack_curl_write_cb v) { return curl_easy_setopt(h, opt, v); }
static inline CURLcode vtrack_curl_setopt_off(CURL *h, CURLoption opt, curl_off_t v) { return curl_easy_setopt(h, opt, v); }

static inline CURLcode vtrack_curl_getinfo_long(CURL *h, CURLINFO info, long *out) { return curl_easy_getinfo(h, info, out); }
static inline CURLcode vtrack_curl_getinfo_double(CURL *h, CURLINFO info, double *out) { return curl_easy_getinfo(h, info, out); }
static inline CURLcode vtrack_curl_getinfo_string(CURL *h, CURLINFO info, char **out) { return curl_easy_getinfo(h, info, out); }

#endif
