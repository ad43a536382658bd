using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace BnnCompiler.Simulator.Analog;

/// <summary>The analog layer's inner loop: adding one row of coefficients to every column's running count.</summary>
internal static class RowSums
{
    /// <summary>acc[0..n) += row[offset..offset + n) (vectorised, no bounds checks inside the loop).</summary>
    public static void Add(float[] acc, float[] row, int offset)
    {
        var n = acc.Length;
        if ((uint)offset > (uint)row.Length || (uint)n > (uint)(row.Length - offset))
        {
            throw new ArgumentOutOfRangeException(nameof(offset));
        }

        ref var target = ref MemoryMarshal.GetArrayDataReference(acc);
        ref var source = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(row), offset);
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var width = Vector<float>.Count;
            for (; i <= n - width; i += width)
            {
                var sum = Vector.LoadUnsafe(ref target, (nuint)i) + Vector.LoadUnsafe(ref source, (nuint)i);
                sum.StoreUnsafe(ref target, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            Unsafe.Add(ref target, i) += Unsafe.Add(ref source, i);
        }
    }
}
