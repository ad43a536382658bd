using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace BnnCompiler.Trainer.Numerics;

/// <summary>
/// Single-threaded row-major SGEMM, <c>C = alpha·op(A)·op(B) + beta·C</c>. The trainer splits every batch
/// over its own fixed partitions, so each call runs on one core and the result never depends on thread timing.
/// </summary>
internal abstract unsafe class Gemm
{
    public abstract string Name { get; }

    /// <param name="transA">op(A) = Aᵀ when true; A is stored row-major with leading dimension <paramref name="lda"/>.</param>
    /// <param name="m">Rows of op(A) and C.</param>
    /// <param name="n">Columns of op(B) and C.</param>
    /// <param name="k">Columns of op(A), rows of op(B).</param>
    public abstract void Run(bool transA, bool transB, int m, int n, int k, float alpha,
        float* a, int lda, float* b, int ldb, float beta, float* c, int ldc);

    public void Run(bool transA, bool transB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc)
    {
        fixed (float* pa = a)
        fixed (float* pb = b)
        fixed (float* pc = c)
        {
            Run(transA, transB, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc);
        }
    }

    private static Gemm? _default;

    /// <summary>
    /// OpenBLAS when Debian's libopenblas0 (serial or pthread) is installed, else the managed kernel.
    /// <c>BNNC_GEMM=managed</c> forces the managed kernel, <c>BNNC_GEMM=openblas</c> requires OpenBLAS.
    /// </summary>
    public static Gemm Default
    {
        get
        {
            if (_default is not null)
            {
                return _default;
            }

            var choice = Environment.GetEnvironmentVariable("BNNC_GEMM")?.Trim().ToLowerInvariant();
            _default = choice switch
            {
                "managed" => new ManagedGemm(),
                "openblas" => OpenBlasGemm.TryLoad() ?? throw new InvalidOperationException(
                    "BNNC_GEMM=openblas but libopenblas.so.0 could not be loaded (apt-get install libopenblas0-serial)"),
                _ => (Gemm?)OpenBlasGemm.TryLoad() ?? new ManagedGemm(),
            };
            return _default;
        }
    }

    public static Gemm ByName(string name) => name switch
    {
        "managed" => new ManagedGemm(),
        "mathnet" => new MathNetGemm(),
        "openblas" => OpenBlasGemm.TryLoad() ?? throw new InvalidOperationException("libopenblas.so.0 not found"),
        _ => throw new ArgumentException($"unknown GEMM backend '{name}' (openblas, managed, mathnet)"),
    };
}
