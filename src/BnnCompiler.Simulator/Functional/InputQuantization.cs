using BnnCompiler.Hardware;

namespace BnnCompiler.Simulator.Functional;

/// <summary>
/// Reduces the image's integer codes to the spec's input precision before they are applied bit-serially,
/// as the study does for its first layer. Dynamic: the image's own min..max spans the 2^b levels (per image);
/// static: the spec's fixed range does. Codes that already fit in b bits pass unchanged (the ideal case).
/// Result: codes c' with value = Origin + c'·Step (in input code units).
/// </summary>
public static class InputQuantization
{
    public static (int[] Codes, double Origin, double Step) Apply(int[] codes, int nativeBits, ReadoutSpec readout)
    {
        var bits = readout.InputBits;
        if (bits >= nativeBits)
        {
            return (codes, 0, 1);
        }

        var top = (1 << bits) - 1;
        double lo, hi;
        if (readout.InputQuantization == Hardware.InputQuantization.Dynamic)
        {
            lo = codes.Min();
            hi = codes.Max();
        }
        else
        {
            (lo, hi) = (readout.InputRangeMin, readout.InputRangeMax);
        }

        if (hi <= lo)
        {
            return (new int[codes.Length], lo, 1);
        }

        var step = (hi - lo) / top;
        var result = new int[codes.Length];
        for (var i = 0; i < codes.Length; i++)
        {
            var c = Math.Clamp(codes[i], lo, hi);
            result[i] = (int)Math.Floor(((c - lo) / step) + 0.5);
        }

        return (result, lo, step);
    }
}
