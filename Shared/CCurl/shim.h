// libcurl 7.88. curl_easy_setopt and curl_easy_getinfo are variadic (and macros with type
// checks under GCC), so Swift gets one fixed-signature wrapper per argument kind.
#ifndef PUMPURS_CCURL_SHIM_H
#define PUMPURS_CCURL_SHIM_H
#include <curl/curl.h>

typedef size_t (*pumpurs_curl_io_callback)(char *buffer, size_t size, size_t nitems, void *userdata);

static inline CURLcode pumpurs_curl_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode pumpurs_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode pumpurs_curl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode pumpurs_curl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode pumpurs_curl_setopt_callback(CURL *handle, CURLoption option, pumpurs_curl_io_callback value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode pumpurs_curl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}
/// CURLOPT_MAIL_RCPT_ALLLOWFAILS: spelled with three Ls in curl 7.88 (renamed in 8.2).
static const CURLoption PUMPURS_CURLOPT_MAIL_RCPT_ALLOWFAILS = CURLOPT_MAIL_RCPT_ALLLOWFAILS;
#endif
