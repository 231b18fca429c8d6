"""Giving freed memory back to the operating system between the stages of a large run.

Reading a million-row enterprise table makes tens of millions of small Python objects; once they are freed,
glibc keeps their pages in the process for reuse, so the resident size stays at the high-water mark of the
largest stage and the next stage's arrays come on top of it. malloc_trim returns the free pages. It changes
no value and no setting; where the C library has no malloc_trim (Windows, macOS, musl) it does nothing.
"""
import ctypes
import ctypes.util
import gc

_LIBC = None


def release_free_memory():
    """Collect unreachable objects and return the C heap's free pages to the system (glibc only)."""
    global _LIBC
    gc.collect()
    if _LIBC is None:
        try:
            _LIBC = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        except OSError:
            _LIBC = False
    trim = getattr(_LIBC, "malloc_trim", None) if _LIBC else None
    if trim is not None:
        trim(0)
