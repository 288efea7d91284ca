/* A stand-in for Windows' bcryptprimitives.dll, for running the Windows build
 * under Debian 12's Wine 8.0, which has no such DLL: Rust's standard library
 * (since 1.78) imports ProcessPrng from it for its random numbers (HashMap
 * keys), and without it Wine refuses to start the exe ("Library
 * bcryptprimitives.dll ... not found"). Windows 10 and later have the real one;
 * this is built by .ci/windows into the Wine prefix only and never shipped.
 * ProcessPrng fills the buffer from the system's generator (RtlGenRandom,
 * advapi32's SystemFunction036) and always succeeds, as documented. */
#include <windows.h>
#include <ntsecapi.h>

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    while (len > 0) {
        ULONG n = len > 0x40000000 ? 0x40000000 : (ULONG)len;
        if (!RtlGenRandom(data, n))
            return FALSE;
        data += n;
        len -= n;
    }
    return TRUE;
}
