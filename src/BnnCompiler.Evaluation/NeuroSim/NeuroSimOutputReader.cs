using System.Globalization;
using System.Text.RegularExpressions;
using BnnCompiler.Core.Diagnostics;

namespace BnnCompiler.Evaluation.NeuroSim;

/// <summary>Reads the figures out of what NeuroSim V1.3's <c>main</c> prints in pipeline mode (its standard output, saved to a file).</summary>
public static partial class NeuroSimOutputReader
{
    private const string Adc = @"ADC \(or S/As and precharger for SRAM\)";
    private const string Accumulation = @"Accumulation Circuits \(subarray level: adders, shiftAdds; PE/Tile/Global level: accumulation units\)";
    private const string Other = @"Other Peripheries \(e\.g\. decoders, mux, switchmatrix, buffers, IC, pooling and activation units\)";

    /// <summary>Reads a saved printout.</summary>
    /// <exception cref="DiagnosticException">BNN8003 naming the file and the first figure it lacks.</exception>
    public static NeuroSimFigures Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DiagnosticException(Diagnostic.Error(NeuroSimCodes.NotAPrintout, $"cannot read NeuroSim's printout: {e.Message}", new SourceLocation(path)));
        }

        return Parse(text, path);
    }

    /// <summary>Reads printed text; <paramref name="source"/> names it in diagnostics.</summary>
    public static NeuroSimFigures Parse(string text, string source)
    {
        var at = text.IndexOf("------------------------------ Summary", StringComparison.Ordinal);
        if (at < 0)
        {
            throw Missing(source, "the pipeline Summary section (a finished NeuroSim V1.3 run with pipeline = true)");
        }

        var summary = text[at..];
        double Figure(string pattern, string what)
        {
            var m = Regex.Match(summary, pattern + @"\s*:?\s*([-+0-9.eE]+)");
            return m.Success ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : throw Missing(source, what);
        }

        const double um2PerMm2 = 1e6;
        return new NeuroSimFigures
        {
            ChipAreaMm2 = Figure("ChipArea", "ChipArea") / um2PerMm2,
            ArrayAreaMm2 = Figure("Chip total CIM array", "Chip total CIM array") / um2PerMm2,
            InterconnectAreaMm2 = Figure(@"Total IC Area on chip \(Global and Tile/PE local\)", "Total IC Area") / um2PerMm2,
            AdcAreaMm2 = Figure($"Total {Adc} Area on chip", "Total ADC Area") / um2PerMm2,
            AccumulationAreaMm2 = Figure($"Total {Accumulation} on chip", "Total Accumulation Circuits area") / um2PerMm2,
            OtherAreaMm2 = Figure(@"Other Peripheries \(e\.g\. decoders, mux, switchmatrix, buffers, pooling and activation units\)", "Other Peripheries area") / um2PerMm2,
            ClockPeriodNs = Figure("Chip clock period is", "Chip clock period"),
            LatencyNs = Figure(@"Chip pipeline-system-clock-cycle \(per image\) is", "pipeline-system-clock-cycle"),
            DynamicEnergyPj = Figure(@"Chip pipeline-system readDynamicEnergy \(per image\) is", "pipeline-system readDynamicEnergy"),
            LeakageEnergyPj = Figure(@"Chip pipeline-system leakage Energy \(per image\) is", "pipeline-system leakage Energy"),
            BufferLatencyNs = Figure(@"Chip pipeline-system buffer readLatency \(per image\) is", "buffer readLatency"),
            BufferEnergyPj = Figure(@"Chip pipeline-system buffer readDynamicEnergy \(per image\) is", "buffer readDynamicEnergy"),
            InterconnectLatencyNs = Figure(@"Chip pipeline-system ic readLatency \(per image\) is", "ic readLatency"),
            InterconnectEnergyPj = Figure(@"Chip pipeline-system ic readDynamicEnergy \(per image\) is", "ic readDynamicEnergy"),
            AdcLatencyNs = Figure($"{Adc} readLatency is", "ADC readLatency"),
            AccumulationLatencyNs = Figure($"{Accumulation} readLatency is", "Accumulation readLatency"),
            OtherLatencyNs = Figure($"{Other} readLatency is", "Other Peripheries readLatency"),
            AdcEnergyPj = Figure($"{Adc} readDynamicEnergy is", "ADC readDynamicEnergy"),
            AccumulationEnergyPj = Figure($"{Accumulation} readDynamicEnergy is", "Accumulation readDynamicEnergy"),
            OtherEnergyPj = Figure($"{Other} readDynamicEnergy is", "Other Peripheries readDynamicEnergy"),
            TilesPerLayer = PerLayer(text, "# of tile used for each layer"),
            SpeedUpPerLayer = PerLayer(text, "Speed-up of each layer"),
        };
    }

    private static int[] PerLayer(string text, string heading)
    {
        var at = text.IndexOf(heading, StringComparison.Ordinal);
        if (at < 0)
        {
            return [];
        }

        var block = text[at..].Split("\n\n", 2)[0];
        return LayerLine().Matches(block).Select(m => (int)Math.Round(double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))).ToArray();
    }

    private static DiagnosticException Missing(string source, string what) =>
        new(Diagnostic.Error(NeuroSimCodes.NotAPrintout,
            $"not a NeuroSim V1.3 pipeline printout: it lacks {what}; expected the standard output of NeuroSim's main, saved to a file", new SourceLocation(source)));

    [GeneratedRegex(@"layer\d+: ([-+0-9.eE]+)")]
    private static partial Regex LayerLine();
}
