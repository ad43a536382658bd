using System.Globalization;
using BnnCompiler.Testing;

namespace BnnCompiler.Cli.Tests;

/// <summary>The recorded NeuroSim V1.3 figures (Data/NeuroSimV13/oracle.tsv, provenance in its README.md), one entry per network and ADC resolution.</summary>
internal sealed record NeuroSimOracle(string Network, int AdcBits, IReadOnlyDictionary<string, string> Fields)
{
    public static string Folder => RepoPaths.Repo("tests/BnnCompiler.Cli.Tests/Data/NeuroSimV13");

    public static IReadOnlyList<NeuroSimOracle> All { get; } = Load();

    public double this[string field] => double.Parse(Fields[field], CultureInfo.InvariantCulture);

    public IReadOnlyList<string> NetworkRows => Fields["network_csv"].Split(' ');

    private static List<NeuroSimOracle> Load()
    {
        var lines = File.ReadAllLines(Path.Combine(Folder, "oracle.tsv"));
        var header = lines[0].Split('\t');
        return lines.Skip(1).Select(line =>
        {
            var cells = line.Split('\t');
            var fields = header.Zip(cells).ToDictionary(p => p.First, p => p.Second);
            return new NeuroSimOracle(fields["network"], int.Parse(fields["adc_bits"], CultureInfo.InvariantCulture), fields);
        }).ToList();
    }
}
