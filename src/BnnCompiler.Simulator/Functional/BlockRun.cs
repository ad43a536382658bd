namespace BnnCompiler.Simulator.Functional;

/// <summary>
/// One run of <see cref="BlockGather"/>: the rows reading kernel offset <see cref="Offset"/> for channels
/// [Channel, Channel + Length), held in consecutive slots from <see cref="Slot"/>; the shifts and mask that copy
/// them from a channel bitmap are derived once here.
/// </summary>
internal readonly record struct BlockRun(int Offset, int Channel, int Length, int Slot)
{
    public int Shift { get; } = Channel & 63;

    public ulong Mask { get; } = Length < 64 ? (1UL << Length) - 1 : ulong.MaxValue;

    public int Target { get; } = Slot >> 6;

    public int At { get; } = Slot & 63;

    public bool Spills { get; } = (Slot & 63) + Length > 64;

    /// <summary>True when the channels span two bitmap words.</summary>
    public bool Straddles => Shift + Length > 64;
}
