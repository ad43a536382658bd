using System.Globalization;
using BnnCompiler.Evaluation.NeuroSim;
using BnnCompiler.Testing;

namespace BnnCompiler.Cli.Tests;

/// <summary>The recorded NeuroSim V1.3 figures (Data/NeuroSimV13/oracle.tsv, provenance in its README.md), one entry per network and ADC resolution.</summary>
internal sealed record NeuroSimOracle(string Network, int AdcBits, IReadOnlyDictionary<string, string> Fields)
{
    public static string Folder => RepoPaths.Repo("tests/BnnCompiler.Cli.Tests/Data/NeuroSimV13");

    public static IReadOnlyList<NeuroSimOracle> All { get; } = Load("oracle.tsv");

    /// <summary>NeuroSim on the export of the generated BResNet18 at ADC 3 and 8 (bresnet18.tsv).</summary>
    public static IReadOnlyList<NeuroSimOracle> BResNet18 { get; } = Load("bresnet18.tsv");

    public double this[string field] => double.Parse(Fields[field], CultureInfo.InvariantCulture);

    /// <summary>The recorded figures in the comparison's units (mm², ns, pJ).</summary>
    public NeuroSimFigures Figures() => new()
    {
        ChipAreaMm2 = this["chip_area_um2"] / 1e6,
        ArrayAreaMm2 = this["array_area_um2"] / 1e6,
        InterconnectAreaMm2 = this["ic_area_um2"] / 1e6,
        AdcAreaMm2 = this["adc_area_um2"] / 1e6,
        AccumulationAreaMm2 = this["accum_area_um2"] / 1e6,
        OtherAreaMm2 = this["other_area_um2"] / 1e6,
        ClockPeriodNs = this["clock_ns"],
        LatencyNs = this["latency_ns"],
        BufferLatencyNs = this["buffer_latency_ns"],
        InterconnectLatencyNs = this["ic_latency_ns"],
        AdcLatencyNs = this["adc_latency_ns"],
        AccumulationLatencyNs = this["accum_latency_ns"],
        OtherLatencyNs = this["other_latency_ns"],
        DynamicEnergyPj = this["dynamic_energy_pj"],
        LeakageEnergyPj = this["leakage_energy_pj"],
        BufferEnergyPj = this["buffer_energy_pj"],
        InterconnectEnergyPj = this["ic_energy_pj"],
        AdcEnergyPj = this["adc_energy_pj"],
        AccumulationEnergyPj = this["accum_energy_pj"],
        OtherEnergyPj = this["other_energy_pj"],
        TilesPerLayer = [],
        SpeedUpPerLayer = [],
    };

    public IReadOnlyList<string> NetworkRows => Fields["network_csv"].Split(' ');

    private static List<NeuroSimOracle> Load(string file)
    {
        var lines = File.ReadAllLines(Path.Combine(Folder, file));
        var header = lines[0].Split('\t');
        return lines.Skip(1).Select(line =>
        {
            var cells = line.Split('\t');
            var fields = header.Zip(cells).ToDictionary(p => p.First, p => p.Second);
            return new NeuroSimOracle(fields["network"], int.Parse(fields["adc_bits"], CultureInfo.InvariantCulture), fields);
        }).ToList();
    }
}
