// libFuzzer: WorkspaceJson::parseErrorBody and the texts built from it, on arbitrary bytes. The
// first two bytes choose the HTTP status, the rest is the body.
#include "api/workspacejson.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    const int status = 100 + (data[0] << 8 | data[1]) % 500;
    const QByteArray body = QByteArray::fromRawData(reinterpret_cast<const char *>(data) + 2, qsizetype(size - 2));
    const ApiError error = WorkspaceJson::parseErrorBody(status, body);
    if (error.kind != ApiError::Kind::Http || error.httpStatus != status)
        std::abort();
    if (error.summary().isEmpty() || error.details().isEmpty())
        std::abort();
    (void)error.isAmbiguous();
    (void)error.isThrottled();
    (void)error.isAuthenticationFailure();
    return 0;
}
