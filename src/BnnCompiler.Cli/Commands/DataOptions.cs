using System.Globalization;
using BnnCompiler.Cli.CommandLine;
using BnnCompiler.Data;
using BnnCompiler.Evaluation;
using BnnCompiler.Onnx;

namespace BnnCompiler.Cli.Commands;

/// <summary>
/// The options of the commands that read a data set: <c>--data</c>, <c>--layout nchw|nhwc</c>, <c>--labels FILE</c>,
/// <c>--input-scale S</c> and <c>--limit N</c>; and the loading of model and images with them.
/// </summary>
public static class DataOptions
{
    /// <summary>Largest <c>--input-scale</c> accepted.</summary>
    public const float MaxInputScale = 65_535f;

    public static OptionSpec Layout { get; } = OptionSpec.Choice("layout",
        "axis order of a 4-D images file (default: the one that fits the model's input C×H×W)", ["nchw", "nhwc"]);

    public static OptionSpec Labels { get; } = new("labels",
        "labels of an images file (.npy int64/uint8 (N,) or IDX labels); default: the sibling *_expected*.npy or *-labels-idx1-ubyte, else none (agreement with ONNX Runtime only)")
    {
        ValueName = "FILE",
    };

    public static OptionSpec InputScale { get; } = new("input-scale",
        $"the model receives pixel / S, S from 1e-6 to {MaxInputScale:F0} (default: 1 when the model's metadata bnnc.input_range is 0-255, else 255)")
    {
        ValueName = "S",
    };

    /// <summary>The data options in the order the commands list them, <c>--data</c> first with its own help and default.</summary>
    public static IReadOnlyList<OptionSpec> Specs(string dataHelp, string? dataDefault = null) =>
        [new OptionSpec("data", dataHelp) { ValueName = "DATA", Default = dataDefault }, Layout, Labels, InputScale, LimitOption.Spec()];

    /// <summary>The model (positional MODEL or the default) with <c>--input-scale</c> applied before its passes.</summary>
    public static ImportedModel LoadModel(ParsedArguments args, string command) =>
        ModelOptions.Load(args, command, Scale(args, command));

    /// <summary>
    /// The data set of <c>--data</c> (or <paramref name="fallback"/>), read with <c>--layout</c>, <c>--labels</c> and the
    /// model's input shape, cut to <c>--limit</c>.
    /// </summary>
    public static Dataset Load(ParsedArguments args, ImportedModel model, string command, string fallback = ProjectFiles.DefaultData) =>
        Load(args, args.Value("data") ?? fallback, SampleFeeder.ModelInput(model.Graph), command);

    /// <summary>The data set <paramref name="nameOrPath"/>, read as <see cref="Load(ParsedArguments, ImportedModel, string, string)"/> does.</summary>
    public static Dataset Load(ParsedArguments args, string nameOrPath, IReadOnlyList<int> modelInput, string command)
    {
        var options = new DataLoadOptions(Layout: ParseLayout(args, command), ModelInput: modelInput, LabelsPath: args.Value(Labels.Name));
        return LimitOption.Apply(args, DatasetCatalog.Load(nameOrPath, options), command);
    }

    /// <summary><c>--input-scale</c>, or null for the model's own.</summary>
    public static float? Scale(ParsedArguments args, string command)
    {
        var text = args.Value(InputScale.Name);
        if (text is null)
        {
            return null;
        }

        return float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var scale) && scale >= 1e-6f && scale <= MaxInputScale
            ? scale
            : throw ArgumentParser.Error(command,
                $"--input-scale must be a number from 1e-6 to {MaxInputScale:F0} (the model receives pixel / S; 255 for inputs in 0..1, 1 for raw pixels); got '{text}'");
    }

    private static DataLayout ParseLayout(ParsedArguments args, string command) => args.Value(Layout.Name) switch
    {
        null => DataLayout.Auto,
        var v when v.Equals("nchw", StringComparison.OrdinalIgnoreCase) => DataLayout.Nchw,
        var v when v.Equals("nhwc", StringComparison.OrdinalIgnoreCase) => DataLayout.Nhwc,
        var v => throw ArgumentParser.Error(command, $"--layout must be nchw or nhwc; got '{v}'"),
    };
}
