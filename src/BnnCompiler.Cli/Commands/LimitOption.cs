using System.Globalization;
using BnnCompiler.Cli.CommandLine;
using BnnCompiler.Data;

namespace BnnCompiler.Cli.Commands;

/// <summary>
/// <c>--limit N</c> of the commands that read a data set: its first N images. When they miss classes the whole set
/// holds (a set stored class by class, as <c>mnist</c> is), a note on standard error says so, since the accuracy then
/// speaks for those classes only.
/// </summary>
public static class LimitOption
{
    public const string Name = "limit";

    /// <summary>The option as the commands declare it.</summary>
    public static OptionSpec Spec(string help = "use only the first N images") => OptionSpec.Integer(Name, help, 1, int.MaxValue);

    public static Dataset Apply(ParsedArguments args, Dataset data, string command)
    {
        var limit = ArgumentParser.Int(args, Name, data.Count, 1, int.MaxValue, command);
        var subset = data.Take(Math.Min(limit, data.Count));
        if (MissingClassesNote(data, subset) is { } note)
        {
            Console.Error.WriteLine(note);
        }

        return subset;
    }

    /// <summary>The note for a subset that holds fewer classes than its set, or null.</summary>
    public static string? MissingClassesNote(Dataset full, Dataset subset)
    {
        var all = full.LabelHistogram().Count(n => n > 0);
        var held = subset.LabelHistogram().Count(n => n > 0);
        if (held >= all)
        {
            return null;
        }

        var hint = full.Name == "mnist" ? "; mnist is stored class by class, mnist-heldout mixes them in any prefix" : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"note: the first {subset.Count:N0} images of {full.Name} hold {held} of its {all} classes; accuracy speaks for those only{hint}");
    }
}
