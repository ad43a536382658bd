using System.Globalization;
using BnnCompiler.Core.Diagnostics;

namespace BnnCompiler.Hardware;

/// <summary>Every key's typed value (given or default), whether it was given, and where.</summary>
internal sealed class SpecValues(string sourcePath)
{
    private readonly Dictionary<string, object?> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SourceLocation> _given = new(StringComparer.Ordinal);

    public string SourcePath { get; } = sourcePath;

    public void Set(string path, object? value, SourceLocation? givenAt)
    {
        _values[path] = value;
        if (givenAt is not null)
        {
            _given[path] = givenAt;
        }
    }

    public bool Has(string path) => _values.ContainsKey(path);

    public bool IsGiven(string path) => _given.ContainsKey(path);

    public T Get<T>(string path) => (T)_values[path]!;

    public T? GetOrNull<T>(string path)
        where T : struct => _values[path] is T value ? value : null;

    public string? GetText(string path) => (string?)_values[path];

    /// <summary>Where the first of these keys that was given was written; the file itself when none was.</summary>
    public SourceLocation LocationOf(params string[] paths)
    {
        foreach (var path in paths)
        {
            if (_given.TryGetValue(path, out var location))
            {
                return location;
            }
        }

        return new SourceLocation(SourcePath);
    }
}

/// <summary>
/// Checks every value of a <see cref="RawDocument"/> against its <see cref="FieldDescriptor"/> (type, range),
/// fills defaults, then checks the rules that tie keys together. Reports everything it finds.
/// </summary>
internal static class SpecValidator
{
    /// <summary>The typed values, or null when the version rules out reading the rest.</summary>
    public static SpecValues? Validate(RawDocument document, DiagnosticBag bag, bool checkVersion)
    {
        if (checkVersion && !VersionIsReadable(document, bag))
        {
            return null;
        }

        var values = new SpecValues(document.SourcePath);
        foreach (var field in HardwareSpecSchema.Fields)
        {
            var raw = document[field.Path];
            if (raw is null)
            {
                values.Set(field.Path, field.Default, givenAt: null);
                continue;
            }

            if (TryParse(field, raw, bag, out var value))
            {
                values.Set(field.Path, value, raw.Location);
            }
        }

        CheckRules(values, bag);
        return values;
    }

    private static bool VersionIsReadable(RawDocument document, DiagnosticBag bag)
    {
        var current = HardwareSpecSchema.CurrentVersion;
        var raw = document["version"];
        if (raw is null)
        {
            bag.Error(HardwareSpecCodes.Version, $"version is missing; a hardware spec starts with 'version: {current}'", new SourceLocation(document.SourcePath, 1, 1));
            return true; // the rest is still read as version 1, so that its problems are reported too
        }

        if (raw.Kind == RawKind.Scalar && raw.Text == current.ToString(CultureInfo.InvariantCulture))
        {
            return true;
        }

        bag.Error(HardwareSpecCodes.Version, $"version must be {current} (the hardware spec version this tool reads); got {raw.Shown}", raw.Location);
        return false;
    }

    private static bool TryParse(FieldDescriptor field, RawValue raw, DiagnosticBag bag, out object? value)
    {
        value = null;
        var allowed = field.Type.Allowed;
        switch (raw.Kind)
        {
            case RawKind.Null when field.IsOptional:
                return true;
            case RawKind.Null:
            case RawKind.Mapping:
            case RawKind.Sequence:
                bag.Error(HardwareSpecCodes.WrongType, $"{field.Path} must be {allowed}; got {raw.Shown}", raw.Location);
                return false;
        }

        var parse = field.Type.Parse(raw.Text!);
        switch (parse.Outcome)
        {
            case FieldParseOutcome.Ok:
                value = parse.Value;
                return true;
            case FieldParseOutcome.WrongType:
                bag.Error(HardwareSpecCodes.WrongType, $"{field.Path} must be {allowed}; got {raw.Shown}, {parse.Hint}", raw.Location);
                return false;
            case FieldParseOutcome.NotAChoice:
                var hint = parse.Hint is null ? "" : $"; {parse.Hint}";
                bag.Error(HardwareSpecCodes.NotAChoice, $"{field.Path} must be {allowed}; got {raw.Shown}{hint}", raw.Location);
                return false;
            default:
                bag.Error(HardwareSpecCodes.OutOfRange, $"{field.Path} must be {allowed}; got {raw.Text}", raw.Location);
                return false;
        }
    }

    /// <summary>Rules between keys. Each runs only when the keys it reads have valid values.</summary>
    private static void CheckRules(SpecValues v, DiagnosticBag bag)
    {
        void Error(string message, params string[] culprits) =>
            bag.Error(HardwareSpecCodes.Inconsistent, message, v.LocationOf(culprits));

        bool Valid(params string[] paths) => paths.All(v.Has);

        static string Show(double number) => number.ToString("R", CultureInfo.InvariantCulture);

        if (v.IsGiven("cell.r_off_ohm") && v.IsGiven("cell.on_off_ratio"))
        {
            Error("cell.r_off_ohm and cell.on_off_ratio both set R_off; give only one", "cell.on_off_ratio", "cell.r_off_ohm");
        }
        else if (Valid("cell.r_on_ohm", "cell.r_off_ohm") && !v.IsGiven("cell.on_off_ratio")
            && v.Get<double>("cell.r_off_ohm") <= v.Get<double>("cell.r_on_ohm"))
        {
            Error($"cell.r_off_ohm must be greater than cell.r_on_ohm ({Show(v.Get<double>("cell.r_on_ohm"))}); got {Show(v.Get<double>("cell.r_off_ohm"))}",
                "cell.r_off_ohm", "cell.r_on_ohm");
        }

        if (Valid("cell.type", "cell.bits_per_cell") && v.Get<CellType>("cell.type") == CellType.Sram && v.Get<int>("cell.bits_per_cell") != 1)
        {
            Error($"cell.bits_per_cell must be 1 for an sram cell; got {v.Get<int>("cell.bits_per_cell")}", "cell.bits_per_cell", "cell.type");
        }

        if (Valid("cell.type", "cell.access") && v.Get<AccessDevice>("cell.access") == AccessDevice.None && v.Get<CellType>("cell.type") != CellType.Rram)
        {
            Error($"cell.access none (a cross-point array without access transistors) needs cell.type rram; got {v.Get<CellType>("cell.type").ToString().ToLowerInvariant()}",
                "cell.access", "cell.type");
        }

        foreach (var grid in new[] { "chip.tiles", "tile.pes", "pe.subarrays" })
        {
            string rows = grid + ".rows", columns = grid + ".columns";
            if (Valid(rows, columns) && (v.GetOrNull<int>(rows) is null) != (v.GetOrNull<int>(columns) is null))
            {
                Error($"{rows} and {columns} must both be numbers or both be auto; got rows {Grid(v.GetOrNull<int>(rows))}, columns {Grid(v.GetOrNull<int>(columns))}",
                    rows, columns);
            }
        }

        if (Valid("subarray.rows", "subarray.parallel_rows") && v.GetOrNull<int>("subarray.parallel_rows") is { } parallel
            && parallel > v.Get<int>("subarray.rows"))
        {
            Error($"subarray.parallel_rows must be at most subarray.rows ({v.Get<int>("subarray.rows")}); got {parallel}", "subarray.parallel_rows", "subarray.rows");
        }

        if (Valid("subarray.columns", "repair.max_columns") && v.GetOrNull<int>("repair.max_columns") is { } maxColumns
            && maxColumns > v.Get<int>("subarray.columns"))
        {
            Error($"repair.max_columns must be at most subarray.columns ({v.Get<int>("subarray.columns")}); got {maxColumns}", "repair.max_columns", "subarray.columns");
        }

        if (Valid("subarray.columns", "readout.columns_per_adc") && v.Get<int>("readout.columns_per_adc") > v.Get<int>("subarray.columns"))
        {
            Error($"readout.columns_per_adc must be at most subarray.columns ({v.Get<int>("subarray.columns")}); got {v.Get<int>("readout.columns_per_adc")}",
                "readout.columns_per_adc", "subarray.columns");
        }

        if (Valid("readout.input_range_min", "readout.input_range_max")
            && v.Get<double>("readout.input_range_max") <= v.Get<double>("readout.input_range_min"))
        {
            Error($"readout.input_range_max must be greater than readout.input_range_min ({Show(v.Get<double>("readout.input_range_min"))}); got {Show(v.Get<double>("readout.input_range_max"))}",
                "readout.input_range_max", "readout.input_range_min");
        }

        if (Valid("clock.mode", "clock.period_ns") && v.Get<ClockMode>("clock.mode") == ClockMode.Fixed && v.GetOrNull<double>("clock.period_ns") is null)
        {
            Error("clock.period_ns is required when clock.mode is fixed", "clock.period_ns", "clock.mode");
        }

        if (Valid("non_idealities.stuck_at_on_rate", "non_idealities.stuck_at_off_rate")
            && v.Get<double>("non_idealities.stuck_at_on_rate") + v.Get<double>("non_idealities.stuck_at_off_rate") > 1)
        {
            var sum = Math.Round(v.Get<double>("non_idealities.stuck_at_on_rate") + v.Get<double>("non_idealities.stuck_at_off_rate"), 12);
            Error($"non_idealities.stuck_at_on_rate + non_idealities.stuck_at_off_rate must be at most 1; got {Show(sum)}",
                "non_idealities.stuck_at_off_rate", "non_idealities.stuck_at_on_rate");
        }
    }

    private static string Grid(int? side) => side?.ToString(CultureInfo.InvariantCulture) ?? "auto";
}
