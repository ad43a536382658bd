using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace BnnCompiler.Trainer.Numerics;

/// <summary>
/// Fallback when OpenBLAS is absent: rows of C built from TensorPrimitives multiply-adds over rows of B
/// (transposed operands are first copied into row-major scratch). About a tenth of OpenBLAS's speed,
/// several times MathNet's managed provider (see onnx-models/MODELS.md).
/// </summary>
internal sealed unsafe class ManagedGemm : Gemm
{
    public override string Name => "managed (TensorPrimitives)";

    public override void Run(bool transA, bool transB, int m, int n, int k, float alpha,
        float* a, int lda, float* b, int ldb, float beta, float* c, int ldc)
    {
        float[]? aT = null;
        float[]? bT = null;
        if (transA)
        {
            // A is stored k×m; make an m×k copy.
            aT = new float[m * k];
            for (var p = 0; p < k; p++)
            {
                for (var i = 0; i < m; i++)
                {
                    aT[i * k + p] = a[p * lda + i];
                }
            }
        }

        if (transB)
        {
            // B is stored n×k; make a k×n copy.
            bT = new float[k * n];
            for (var j = 0; j < n; j++)
            {
                for (var p = 0; p < k; p++)
                {
                    bT[p * n + j] = b[j * ldb + p];
                }
            }
        }

        fixed (float* paT = aT)
        fixed (float* pbT = bT)
        {
            var pa = transA ? paT : a;
            var la = transA ? k : lda;
            var pb = transB ? pbT : b;
            var lb = transB ? n : ldb;
            for (var i = 0; i < m; i++)
            {
                var ci = new Span<float>(c + (long)i * ldc, n);
                if (beta == 0f)
                {
                    ci.Clear();
                }
                else if (beta != 1f)
                {
                    TensorPrimitives.Multiply(ci, beta, ci);
                }

                var ai = pa + (long)i * la;
                for (var p = 0; p < k; p++)
                {
                    var av = alpha * ai[p];
                    if (av != 0f)
                    {
                        TensorPrimitives.MultiplyAdd(new ReadOnlySpan<float>(pb + (long)p * lb, n), av, ci, ci);
                    }
                }
            }
        }
    }
}
