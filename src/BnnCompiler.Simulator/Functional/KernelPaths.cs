using System.Runtime.Intrinsics.X86;

namespace BnnCompiler.Simulator.Functional;

/// <summary>Which <see cref="KernelPath"/>s this machine runs, and the fastest of them (the default).</summary>
public static class KernelPaths
{
    /// <summary>Every path this machine supports, scalar first.</summary>
    public static IReadOnlyList<KernelPath> Supported { get; } = Detect();

    /// <summary>The fastest supported path: AVX-512 (F, BW, VBMI) where present, then AVX2, then scalar.</summary>
    public static KernelPath Best => Supported[^1];

    /// <summary>True when this machine can run <paramref name="path"/>.</summary>
    public static bool IsSupported(KernelPath path) => Supported.Contains(path);

    /// <summary>The lower-case name the benchmark and reports print ("avx512", "avx2", "scalar").</summary>
    public static string Name(KernelPath path) => path.ToString().ToLowerInvariant();

    private static KernelPath[] Detect()
    {
        var paths = new List<KernelPath> { KernelPath.Scalar };
        if (Avx2.IsSupported)
        {
            paths.Add(KernelPath.Avx2);
        }

        if (Avx2.IsSupported && Avx512F.IsSupported && Avx512BW.IsSupported && Avx512Vbmi.IsSupported)
        {
            paths.Add(KernelPath.Avx512);
        }

        return [.. paths];
    }
}
