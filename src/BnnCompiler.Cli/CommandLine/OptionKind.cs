namespace BnnCompiler.Cli.CommandLine;

/// <summary>What an option's value is: checked when the command line is parsed and shown in --help.</summary>
public enum OptionKind
{
    /// <summary>Any text (a name, a path, key=value).</summary>
    Text,

    /// <summary>A switch without a value; <c>--name=false</c> leaves it off.</summary>
    Flag,

    /// <summary>A whole number within <see cref="OptionSpec.Min"/>..<see cref="OptionSpec.Max"/>.</summary>
    Integer,

    /// <summary>One of <see cref="OptionSpec.Choices"/>.</summary>
    Choice,

    /// <summary>Whole numbers within the bounds, written <c>lo..hi</c> or <c>a,b,c</c> (a sweep axis).</summary>
    IntegerRange,
}
