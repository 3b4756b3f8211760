/* Test-only stand-in for Windows 10's System32\icuuc.dll, put into a Wine prefix by
   ../build-under-wine.sh. Wine 8 has no icuuc.dll and Qt6Core.dll imports twenty ucnv_*
   functions from it (for the codecs Qt has no converter of its own for). Here every
   converter fails to open, so Qt keeps to its own UTF-8, UTF-16 and Latin-1 and calls the
   rest unsupported: a pass under Wine says nothing about those codecs. Never in a bundle
   or an installer (a test checks the bundle's file list). */
#include <stdint.h>

#define API __declspec(dllexport)
typedef int Status;     /* UErrorCode: <= 0 is success */
typedef uint16_t U16;   /* UChar */
typedef void Conv;      /* UConverter */

static void refuse(Status *status, Status why) {
    if (status != 0 && *status <= 0) *status = why;
}
#define NOT_THERE 4     /* U_FILE_ACCESS_ERROR */
#define UNSUPPORTED 16  /* U_UNSUPPORTED_ERROR */

API Conv *ucnv_open(const char *name, Status *s) { (void)name; refuse(s, NOT_THERE); return 0; }
API void ucnv_close(Conv *c) { (void)c; }
API void ucnv_reset(Conv *c) { (void)c; }
API int8_t ucnv_getMaxCharSize(const Conv *c) { (void)c; return 1; }
API const char *ucnv_getName(const Conv *c, Status *s) { (void)c; refuse(s, UNSUPPORTED); return ""; }
API int32_t ucnv_countAvailable(void) { return 0; }
API const char *ucnv_getAvailableName(int32_t i) { (void)i; return 0; }
API const char *ucnv_getStandardName(const char *n, const char *std, Status *s) {
    (void)n; (void)std; refuse(s, UNSUPPORTED); return 0;
}
API int32_t ucnv_toUCountPending(const Conv *c, Status *s) { (void)c; refuse(s, UNSUPPORTED); return 0; }
API int32_t ucnv_fromUCountPending(const Conv *c, Status *s) { (void)c; refuse(s, UNSUPPORTED); return 0; }
API void ucnv_toUnicode(Conv *c, U16 **t, const U16 *te, const char **src, const char *se, int32_t *off,
                        int8_t flush, Status *s) {
    (void)c; (void)t; (void)te; (void)src; (void)se; (void)off; (void)flush; refuse(s, UNSUPPORTED);
}
API void ucnv_fromUnicode(Conv *c, char **t, const char *te, const U16 **src, const U16 *se, int32_t *off,
                          int8_t flush, Status *s) {
    (void)c; (void)t; (void)te; (void)src; (void)se; (void)off; (void)flush; refuse(s, UNSUPPORTED);
}
API void ucnv_getToUCallBack(const Conv *c, void **act, const void **ctx) {
    (void)c; if (act) *act = 0; if (ctx) *ctx = 0;
}
API void ucnv_getFromUCallBack(const Conv *c, void **act, const void **ctx) {
    (void)c; if (act) *act = 0; if (ctx) *ctx = 0;
}
API void ucnv_setToUCallBack(Conv *c, void *act, const void *ctx, void **old, const void **oldctx, Status *s) {
    (void)c; (void)act; (void)ctx; if (old) *old = 0; if (oldctx) *oldctx = 0; refuse(s, UNSUPPORTED);
}
API void ucnv_setFromUCallBack(Conv *c, void *act, const void *ctx, void **old, const void **oldctx,
                               Status *s) {
    (void)c; (void)act; (void)ctx; if (old) *old = 0; if (oldctx) *oldctx = 0; refuse(s, UNSUPPORTED);
}
API void ucnv_cbToUWriteUChars(void *args, const U16 *src, int32_t n, int32_t off, Status *s) {
    (void)args; (void)src; (void)n; (void)off; refuse(s, UNSUPPORTED);
}
API void ucnv_cbFromUWriteUChars(void *args, const U16 **src, const U16 *end, int32_t off, Status *s) {
    (void)args; (void)src; (void)end; (void)off; refuse(s, UNSUPPORTED);
}
API void UCNV_TO_U_CALLBACK_SUBSTITUTE(const void *ctx, void *args, const char *units, int32_t n, int reason,
                                       Status *s) {
    (void)ctx; (void)args; (void)units; (void)n; (void)reason; (void)s;
}
API void UCNV_FROM_U_CALLBACK_SUBSTITUTE(const void *ctx, void *args, const U16 *units, int32_t n, int32_t cp,
                                         int reason, Status *s) {
    (void)ctx; (void)args; (void)units; (void)n; (void)cp; (void)reason; (void)s;
}
