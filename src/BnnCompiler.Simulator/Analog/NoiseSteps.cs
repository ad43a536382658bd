using System.Runtime.Intrinsics;

namespace BnnCompiler.Simulator.Analog;

/// <summary>
/// The codes of a read whose ADC level and noise σ are known beforehand, as steps in the draw's 23 uniform bits q: the
/// draw z(q) = Φ⁻¹((q + ½)·2⁻²³) never decreases as q grows (checked once per process over all 2²³ values,
/// <see cref="Monotone"/>), so neither does the code ⌊level + σ·z(q)⌋ clamped to 0..top, and a column's code is its
/// code at q = 0 plus the number of steps T_k ≤ q, where T_k is the least q whose code reaches the k-th next code
/// (found by bisection with the same single-precision operations as the conversion, so the codes are bit-identical).
/// <code>
///   code(q) = code(0) + [q ≥ T₁] + [q ≥ T₂]        (two integer comparisons per lane instead of the draw's bounds)
/// </code>
/// At the usual magnitudes (σ of a few tenths of an LSB at most) a column has at most two steps.
/// </summary>
internal static class NoiseSteps
{
    /// <summary>Steps a column may have (codes it may take, less one).</summary>
    public const int MaxSteps = 2;

    private const int Draws = 1 << 23;

    private static readonly Lazy<bool> IsMonotone = new(Check);

    /// <summary>True when z(q) never decreases over all 2²³ values of q.</summary>
    public static bool Monotone => IsMonotone.Value;

    /// <summary>
    /// Per column [code at q = 0, then T₁, then T₂] (<paramref name="stride"/> entries each; T = 2²³ where there is no
    /// such step) of the columns' levels and σ (<paramref name="levels"/>: level per column, then σ per column), or null
    /// when a column has more than <see cref="MaxSteps"/> steps or the draws are not monotone.
    /// </summary>
    public static int[]? Of(float[] levels, int columns, int stride, int top)
    {
        if (!Monotone)
        {
            return null;
        }

        var steps = new int[(MaxSteps + 1) * stride];
        for (var col = 0; col < columns; col++)
        {
            var (level, sigma) = (levels[col], levels[stride + col]);
            var first = Code(level, sigma, top, 0);
            var last = Code(level, sigma, top, Draws - 1);
            if (last - first > MaxSteps)
            {
                return null;
            }

            steps[col] = first;
            for (var k = 1; k <= MaxSteps; k++)
            {
                steps[(k * stride) + col] = first + k <= last ? Least(level, sigma, top, first + k) : Draws;
            }
        }

        for (var k = 1; k <= MaxSteps; k++)
        {
            steps.AsSpan((k * stride) + columns, stride - columns).Fill(Draws);
        }

        return steps;
    }

    /// <summary>The conversion's code at draw bits q: ⌊level + σ·z(q)⌋ clamped to 0..top, in single precision.</summary>
    public static int Code(float level, float sigma, int top, int q)
    {
        var floor = MathF.Floor(level + (sigma * NoiseBounds.Draw(q)));
        return floor <= 0 ? 0 : floor >= top ? top : (int)floor;
    }

    /// <summary>The least q whose code is at least <paramref name="code"/> (the code at 2²³ − 1 is).</summary>
    private static int Least(float level, float sigma, int top, int code)
    {
        var (low, high) = (0, Draws - 1);
        while (low < high)
        {
            var mid = low + ((high - low) / 2);
            if (Code(level, sigma, top, mid) >= code)
            {
                high = mid;
            }
            else
            {
                low = mid + 1;
            }
        }

        return low;
    }

    private static bool Check()
    {
        var previous = float.NegativeInfinity;
        var q = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var lanes = Vector512.Create(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
            var shifted = Vector512.Create(0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14);
            for (; q < Draws; q += 16)
            {
                var z = ReadNoiseStream.Normal(Vector512.Create(q) + lanes);
                // Each lane against the one before it (lane 0 against the last draw of the previous vector).
                var before = Vector512.Shuffle(z, shifted).WithElement(0, previous);
                if (Vector512.LessThanAny(z, before))
                {
                    return false;
                }

                previous = z[15];
            }
        }

        for (; q < Draws; q++)
        {
            var z = NoiseBounds.Draw(q);
            if (z < previous)
            {
                return false;
            }

            previous = z;
        }

        return true;
    }
}
