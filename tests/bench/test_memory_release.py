"""qgis_io.memory.release_free_memory: returns free heap pages on glibc, and is a no-op elsewhere."""
import ctypes


def test_release_runs_on_this_c_library_and_keeps_values(monkeypatch):
    from landeval.qgis_io import memory

    kept = [str(i) for i in range(100000)]
    garbage = [bytearray(100_000) for _ in range(200)]  # 20 MB of heap blocks below glibc's mmap threshold
    del garbage
    memory.release_free_memory()
    assert kept[99999] == "99999"
    assert memory._LIBC is not False and hasattr(memory._LIBC, "malloc_trim")  # Debian's glibc has it


def test_without_malloc_trim_nothing_happens(monkeypatch):
    from landeval.qgis_io import memory

    def no_library(*_args, **_kwargs):
        raise OSError("no C library here")

    monkeypatch.setattr(memory, "_LIBC", None)
    monkeypatch.setattr(ctypes, "CDLL", no_library)
    memory.release_free_memory()
    assert memory._LIBC is False
    memory.release_free_memory()  # and again, without looking for the library a second time
