namespace BnnCompiler.Mapping.Defects;

/// <summary>What a chip's test found for one cell: healthy, stuck at the low-resistance state or at the high one.</summary>
public enum StuckState : byte
{
    /// <summary>The cell takes whatever it is programmed to.</summary>
    None,

    /// <summary>Stuck at G_on (SA1, low resistance) whatever it is programmed to.</summary>
    On,

    /// <summary>Stuck at G_off (SA0, high resistance) whatever it is programmed to.</summary>
    Off,
}
