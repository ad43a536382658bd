using System.Globalization;
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
