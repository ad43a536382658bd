namespace BnnCompiler.Simulator.Functional;

/// <summary>
/// The instruction set a crossbar kernel runs on. Every path computes the same numbers; the scalar path is the
/// reference the vector paths are tested against. <see cref="KernelPaths"/> says which ones this machine supports.
/// </summary>
public enum KernelPath
{
    /// <summary>Plain 64-bit popcounts, one column at a time.</summary>
    Scalar,

    /// <summary>256-bit vectors: four columns per instruction (nibble-table popcount).</summary>
    Avx2,

    /// <summary>512-bit vectors (AVX-512 F, BW and VBMI): eight columns per instruction.</summary>
    Avx512,
}
