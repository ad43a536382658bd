namespace BnnCompiler.Circuits.Technology;

/// <summary>
/// Transistor and wire parameters of one CMOS node and transistor flavour, as the component models use them.
/// Every value comes from <see cref="TechnologyTable"/>, where the source of each column is given.
/// </summary>
public sealed record TechnologyNode
{
    /// <summary>Node name in nm (130, 90, 65, 45, 32, 22, 14, 7); also the feature size F of layouts.</summary>
    public required int NodeNm { get; init; }

    public required bool HighPerformance { get; init; }

    /// <summary>Supply voltage of the logic in V (PTM model card).</summary>
    public required double VddV { get; init; }

    /// <summary>Gate capacitance per µm of transistor width, ideal + fringe + overlap, in fF/µm (PTM).</summary>
    public required double GateCapFfPerUm { get; init; }

    /// <summary>NMOS saturation current per µm of width at 300 K, in µA/µm (PTM).</summary>
    public required double OnCurrentUaPerUm { get; init; }

    /// <summary>NMOS sub-threshold leakage per µm of width at 300 K, in nA/µm (PTM: 100 pA/µm LSTP, 100 nA/µm HP).</summary>
    public required double OffCurrentNaPerUm { get; init; }

    /// <summary>Resistivity of the local copper wires in µΩ·cm, with size effects (ITRS interconnect tables).</summary>
    public required double WireResistivityUohmCm { get; init; }

    /// <summary>Drawn width of a local/intermediate wire in nm (ITRS M1/intermediate half-pitch).</summary>
    public required double WireWidthNm { get; init; }

    /// <summary>Aspect ratio (thickness over width) of that wire (ITRS).</summary>
    public required double WireAspectRatio { get; init; }

    /// <summary>Capacitance of a minimum-pitch wire in fF/µm (ITRS: about 0.2 fF/µm at every node).</summary>
    public required double WireCapFfPerUm { get; init; }

    /// <summary>Power of one current-mode comparator of the multi-level sense amplifier while it senses, in µW.</summary>
    public required double SenseComparatorPowerUw { get; init; }

    /// <summary>Time a current-mode comparator needs to resolve, in ns.</summary>
    public required double SenseTimeNs { get; init; }

    /// <summary>True for FinFET nodes (14 nm and below), whose standard cells are taller and poly pitch wider.</summary>
    public bool IsFinFet => NodeNm <= 14;

    /// <summary>Feature size F in µm.</summary>
    public double FeatureSizeUm => NodeNm * 1e-3;

    /// <summary>F² in µm².</summary>
    public double F2Um2 => FeatureSizeUm * FeatureSizeUm;

    /// <summary>Wire resistance per µm: ρ / (w · AR·w), in Ω/µm.</summary>
    public double WireResistanceOhmPerUm
    {
        get
        {
            var widthUm = WireWidthNm * 1e-3;
            var rhoOhmUm = WireResistivityUohmCm * 1e-2; // 1 µΩ·cm = 1e-8 Ω·m = 1e-2 Ω·µm
            return rhoOhmUm / (widthUm * widthUm * WireAspectRatio);
        }
    }

    /// <summary>Wire pitch (width plus equal spacing) in µm.</summary>
    public double WirePitchUm => 2 * WireWidthNm * 1e-3;
}
