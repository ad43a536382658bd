using BnnCompiler.Core.Diagnostics;

namespace BnnCompiler.Hardware;

/// <summary>
/// Applies <c>--set key.path=value</c> items to a <see cref="RawDocument"/>. The value is taken as a YAML
/// scalar and later goes through exactly the checks a value in the file goes through; its location in
/// messages is <c>--set key.path</c>.
/// </summary>
internal static class SpecOverrides
{
    /// <summary>Keys that give the same quantity two ways; setting one with --set drops the other from the file.</summary>
    private static readonly (string A, string B)[] Alternatives = [("cell.r_off_ohm", "cell.on_off_ratio")];

    public static void Apply(RawDocument document, IReadOnlyList<string> overrides, DiagnosticBag bag)
    {
        foreach (var item in overrides)
        {
            var equals = item.IndexOf('=', StringComparison.Ordinal);
            var path = (equals < 0 ? item : item[..equals]).Trim();
            var location = new SourceLocation($"--set {path}");
            if (equals < 0 || path.Length == 0)
            {
                bag.Error(HardwareSpecCodes.BadOverride, $"--set takes key.path=value (e.g. subarray.rows=256); got '{item}'", location);
                continue;
            }

            if (!IsKnownKey(path, location, bag))
            {
                continue;
            }

            document.Set(path, ToRaw(item[(equals + 1)..].Trim(), location));
            foreach (var (a, b) in Alternatives)
            {
                var other = path == a ? b : path == b ? a : null;
                if (other is not null && document[other] is { FromOverride: false })
                {
                    document.Remove(other);
                }
            }
        }
    }

    private static bool IsKnownKey(string path, SourceLocation location, DiagnosticBag bag)
    {
        if (path == "version")
        {
            bag.Error(HardwareSpecCodes.BadOverride, "version cannot be set with --set; it is the version of the file's schema", location);
            return false;
        }

        if (HardwareSpecSchema.IsSection(path))
        {
            var keys = HardwareSpecSchema.Fields.Where(f => f.Path.StartsWith(path + ".", StringComparison.Ordinal)).Select(f => f.Path);
            bag.Error(HardwareSpecCodes.BadOverride, $"{path} is a section; --set takes one of its keys: {string.Join(", ", keys)}", location);
            return false;
        }

        if (HardwareSpecSchema.Find(path) is not null)
        {
            return true;
        }

        // Find the first segment that leads nowhere, and suggest a correction of it (with the rest of the path kept when that makes a key).
        var segments = path.Split('.');
        var section = "";
        var index = 0;
        while (index < segments.Length - 1 && HardwareSpecSchema.IsSection(SpecYamlReader.Join(section, segments[index])))
        {
            section = SpecYamlReader.Join(section, segments[index]);
            index++;
        }

        var suggestion = SpecYamlReader.Suggest(section, segments[index]);
        if (suggestion is not null && index < segments.Length - 1)
        {
            var whole = string.Join('.', new[] { suggestion }.Concat(segments[(index + 1)..]));
            suggestion = HardwareSpecSchema.Find(whole) is not null ? whole : suggestion;
        }

        bag.Error(HardwareSpecCodes.UnknownKey, SpecYamlReader.UnknownKeyMessage(path, section, suggestion), location);
        return false;
    }

    private static RawValue ToRaw(string text, SourceLocation location)
    {
        if (text.Length >= 2 && (text[0] == '"' || text[0] == '\'') && text[^1] == text[0])
        {
            return new RawValue(RawKind.Scalar, text[1..^1], location, FromOverride: true);
        }

        return text is "" or "~" or "null" or "Null" or "NULL"
            ? new RawValue(RawKind.Null, null, location, FromOverride: true)
            : new RawValue(RawKind.Scalar, text, location, FromOverride: true);
    }
}
