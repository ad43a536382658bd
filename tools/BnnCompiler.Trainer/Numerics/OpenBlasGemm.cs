using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace BnnCompiler.Trainer.Numerics;

/// <summary>
/// <c>cblas_sgemm</c> from Debian's OpenBLAS (package libopenblas0-pthread), pinned to one thread per call.
/// Debian's serial build (libopenblas0-serial) is not safe to call from two threads at once (it shares its
/// packing buffers without a lock: wrong products were seen here); when only that build is found, calls are
/// serialized by a lock.
/// </summary>
internal sealed unsafe class OpenBlasGemm : Gemm
{
    private readonly delegate* unmanaged<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void> _sgemm;
    private readonly string _core;
    private readonly bool _serialBuild;
    private readonly Lock _gate = new();

    private OpenBlasGemm(nint handle)
    {
        _sgemm = (delegate* unmanaged<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void>)
            NativeLibrary.GetExport(handle, "cblas_sgemm");
        if (NativeLibrary.TryGetExport(handle, "openblas_set_num_threads", out var setThreads))
        {
            ((delegate* unmanaged<int, void>)setThreads)(1);
        }

        // openblas_get_parallel: 0 = sequential build, 1 = pthreads, 2 = OpenMP.
        _serialBuild = !NativeLibrary.TryGetExport(handle, "openblas_get_parallel", out var parallel)
            || ((delegate* unmanaged<int>)parallel)() == 0;
        _core = NativeLibrary.TryGetExport(handle, "openblas_get_corename", out var coreName)
            ? Marshal.PtrToStringAnsi(((delegate* unmanaged<nint>)coreName)()) ?? "?"
            : "?";
    }

    public override string Name => $"openblas ({_core}{(_serialBuild ? ", serial build: calls serialized" : "")})";

    public static OpenBlasGemm? TryLoad()
    {
        string[] candidates =
        [
            "/usr/lib/x86_64-linux-gnu/openblas-pthread/libopenblas.so.0",
            "/usr/lib/aarch64-linux-gnu/openblas-pthread/libopenblas.so.0",
            "libopenblas.so.0",
            "/usr/lib/x86_64-linux-gnu/libopenblas.so.0",
            "/usr/lib/aarch64-linux-gnu/libopenblas.so.0",
        ];
        foreach (var candidate in candidates)
        {
            if (NativeLibrary.TryLoad(candidate, out var handle) && NativeLibrary.TryGetExport(handle, "cblas_sgemm", out _))
            {
                return new OpenBlasGemm(handle);
            }
        }

        return null;
    }

    public override void Run(bool transA, bool transB, int m, int n, int k, float alpha,
        float* a, int lda, float* b, int ldb, float beta, float* c, int ldc)
    {
        if (m == 0 || n == 0)
        {
            return;
        }

        // CblasRowMajor = 101, CblasNoTrans = 111, CblasTrans = 112.
        if (_serialBuild)
        {
            lock (_gate)
            {
                _sgemm(101, transA ? 112 : 111, transB ? 112 : 111, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
            }

            return;
        }

        _sgemm(101, transA ? 112 : 111, transB ? 112 : 111, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    }
}
