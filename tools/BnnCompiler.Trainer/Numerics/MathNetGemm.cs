using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace BnnCompiler.Trainer.Numerics;

/// <summary>MathNet.Numerics' managed linear-algebra provider (column-major), kept for the benchmark only.</summary>
internal sealed unsafe class MathNetGemm : Gemm
{
    public override string Name => "MathNet.Numerics 5.0.0 managed provider";

    public override void Run(bool transA, bool transB, int m, int n, int k, float alpha,
        float* a, int lda, float* b, int ldb, float beta, float* c, int ldc)
    {
        // Row-major C = op(A)·op(B) is column-major Cᵀ = op(B)ᵀ·op(A)ᵀ: swap operands, keep the flags.
        var provider = MathNet.Numerics.Providers.LinearAlgebra.LinearAlgebraControl.Provider;
        var aArr = new ReadOnlySpan<float>(a, (transA ? k : m) * lda).ToArray();
        var bArr = new ReadOnlySpan<float>(b, (transB ? n : k) * ldb).ToArray();
        var cArr = new Span<float>(c, m * ldc).ToArray();
        if (lda != (transA ? m : k) || ldb != (transB ? k : n) || ldc != n)
        {
            throw new NotSupportedException("MathNetGemm needs packed operands");
        }

        provider.MatrixMultiplyWithUpdate(
            transB ? MathNet.Numerics.Providers.LinearAlgebra.Transpose.Transpose : MathNet.Numerics.Providers.LinearAlgebra.Transpose.DontTranspose,
            transA ? MathNet.Numerics.Providers.LinearAlgebra.Transpose.Transpose : MathNet.Numerics.Providers.LinearAlgebra.Transpose.DontTranspose,
            alpha, bArr, transB ? k : n, transB ? n : k, aArr, transA ? m : k, transA ? k : m, beta, cArr);
        cArr.CopyTo(new Span<float>(c, m * ldc));
    }
}
