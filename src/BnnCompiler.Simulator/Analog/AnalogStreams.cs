using BnnCompiler.Core.Randomness;

namespace BnnCompiler.Simulator.Analog;

/// <summary>
/// The random streams of one Monte-Carlo trial. Trial t of seed S draws from seed S + t: each stream is
/// <see cref="SplitMix64.ForStream"/>(S + t, name) with a name that carries the layer and the subarray, so a draw
/// depends only on (S + t, layer, subarray, position), not on the order in which layers are built or images are
/// run, and trial t of seed S is trial 0 of seed S + t (a sweep over the seed and a run of trials agree).
/// </summary>
public static class AnalogStreams
{
    /// <summary>Per-cell draws of one subarray: variation, stuck-at, drift exponent (three per cell, row-major).</summary>
    public static SplitMix64 Cells(int seed, int trial, string layer, int rowBlock, int columnBlock) =>
        SplitMix64.ForStream(TrialSeed(seed, trial), $"layer {layer}/subarray {rowBlock},{columnBlock}/cells");

    /// <summary>Per-cell draws of a duplicated layer's further copy (copy ≥ 1; the simulator runs every copy on copy 0's cells).</summary>
    public static SplitMix64 CopyCells(int seed, int trial, string layer, int copy, int rowBlock, int columnBlock) =>
        SplitMix64.ForStream(TrialSeed(seed, trial), $"layer {layer}/copy {copy}/subarray {rowBlock},{columnBlock}/cells");

    /// <summary>Per-cell draws of spare subarray <paramref name="spare"/> of a PE (<c>pe.spare_subarrays</c>), as <see cref="Cells"/>.</summary>
    public static SplitMix64 SpareCells(int seed, int trial, int tile, int pe, int spare) =>
        SplitMix64.ForStream(TrialSeed(seed, trial), $"tile {tile}/pe {pe}/spare subarray {spare}/cells");

    /// <summary>Per-ADC draws of spare subarray <paramref name="spare"/> of a PE, as <see cref="Adcs"/>.</summary>
    public static SplitMix64 SpareAdcs(int seed, int trial, int tile, int pe, int spare) =>
        SplitMix64.ForStream(TrialSeed(seed, trial), $"tile {tile}/pe {pe}/spare subarray {spare}/adc");

    /// <summary>Per-ADC draws of one subarray: offset, gain error (two per ADC instance, in ADC order).</summary>
    public static SplitMix64 Adcs(int seed, int trial, string layer, int rowBlock, int columnBlock) =>
        SplitMix64.ForStream(TrialSeed(seed, trial), $"layer {layer}/subarray {rowBlock},{columnBlock}/adc");

    /// <summary>
    /// Per-read draws (read noise, conversion noise) of one layer execution (<see cref="ReadNoiseStream"/>). The stream
    /// is keyed by a hash of the layer's input codes, so an image gets the same noise whichever thread runs it and in
    /// whatever order.
    /// </summary>
    public static ReadNoiseStream Reads(int seed, int trial, string layer, ulong inputHash) =>
        new(ReadsKey(seed, trial, layer) ^ inputHash);

    /// <summary>The per-layer part of <see cref="Reads"/>'s starting state (the input hash is XORed into it).</summary>
    public static ulong ReadsKey(int seed, int trial, string layer) =>
        SplitMix64.ForStream(TrialSeed(seed, trial), $"layer {layer}/reads").NextUInt64();

    /// <summary>The seed trial t draws from: S + t (wrapping, as 32-bit integers).</summary>
    public static int TrialSeed(int seed, int trial) => unchecked(seed + trial);

    /// <summary>FNV-1a-64 over the codes, one 32-bit word per step (hash = (hash XOR code)·prime).</summary>
    public static ulong Hash(ReadOnlySpan<int> codes)
    {
        var hash = 0xCBF29CE484222325UL;
        foreach (var code in codes)
        {
            hash = unchecked((hash ^ (uint)code) * 0x100000001B3UL);
        }

        return hash;
    }
}
