using BnnCompiler.Core.Diagnostics;

namespace BnnCompiler.Hardware;

/// <summary>
/// Reads YAML text into a <see cref="RawDocument"/>, reporting what is wrong with its structure: syntax errors,
/// unknown keys (with the nearest valid one), duplicate keys and sections that are not mappings.
/// </summary>
internal static class SpecYamlReader
{
    /// <summary>The document, or null when the text cannot be read as a spec at all (syntax error, not a mapping).</summary>
    public static RawDocument? Read(string text, string fileName, DiagnosticBag bag)
    {
        IReadOnlyList<YamlTreeNode> documents;
        try
        {
            documents = YamlTree.Parse(text);
        }
        catch (YamlTreeException e) when (e.TooDeep)
        {
            bag.Error(HardwareSpecCodes.TooLarge, Sentence(e.Message), At(fileName, e.Line, e.Column));
            return null;
        }
        catch (YamlTreeException e)
        {
            bag.Error(HardwareSpecCodes.YamlSyntax, $"YAML syntax error: {Sentence(e.Message)}", At(fileName, e.Line, e.Column));
            return null;
        }

        var document = new RawDocument(fileName);
        if (documents.Count == 0 || documents[0] is YamlTreeScalar { IsNull: true })
        {
            return document;
        }

        if (documents.Count > 1)
        {
            var second = documents[1];
            bag.Error(HardwareSpecCodes.YamlSyntax, $"a hardware spec is one YAML document; found {documents.Count}", At(fileName, second.Line, second.Column));
            return null;
        }

        if (documents[0] is not YamlTreeMapping root)
        {
            var node = documents[0];
            bag.Error(HardwareSpecCodes.YamlSyntax, $"a hardware spec is a YAML mapping of keys (version: 1, cell: …); got {Describe(node)}", At(fileName, node.Line, node.Column));
            return null;
        }

        ReadSection(root, "", document, fileName, bag);
        return document;
    }

    /// <summary>The message for a key the schema lacks, naming the nearest valid key and what the section allows.</summary>
    public static string UnknownKeyMessage(string path, string section, string? suggestion)
    {
        var where = section.Length == 0 ? "the top level" : section;
        var hint = suggestion is null ? "" : $"did you mean {suggestion}? ";
        return $"unknown key {path}; {hint}{where} allows: {string.Join(", ", HardwareSpecSchema.ChildrenOf(section))}";
    }

    /// <summary>
    /// The valid path nearest to <paramref name="name"/> in <paramref name="section"/>: a sibling within a few
    /// edits, else a key of that exact name elsewhere (preferring one inside the section), else null.
    /// </summary>
    public static string? Suggest(string section, string name)
    {
        var sibling = EditDistance.Nearest(name, HardwareSpecSchema.ChildrenOf(section));
        if (sibling is not null)
        {
            return Join(section, sibling);
        }

        var elsewhere = HardwareSpecSchema.Fields.Select(f => f.Path)
            .Concat(HardwareSpecSchema.Sections)
            .Where(p => p.EndsWith("." + name, StringComparison.OrdinalIgnoreCase))
            .OrderBy(p => p.StartsWith(section + ".", StringComparison.Ordinal) ? 0 : 1)
            .ToList();
        return elsewhere.FirstOrDefault();
    }

    public static string Join(string section, string name) => section.Length == 0 ? name : $"{section}.{name}";

    private static void ReadSection(YamlTreeMapping mapping, string section, RawDocument document, string fileName, DiagnosticBag bag)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in mapping.Entries)
        {
            if (keyNode is not YamlTreeScalar { IsNull: false } key)
            {
                var where = section.Length == 0 ? "the top level" : section;
                bag.Error(HardwareSpecCodes.WrongType, $"keys are plain names; {where} has a key that is {Describe(keyNode)}", At(fileName, keyNode.Line, keyNode.Column));
                continue;
            }

            var path = Join(section, key.Value);
            if (seen.TryGetValue(key.Value, out var firstLine))
            {
                bag.Error(HardwareSpecCodes.DuplicateKey, $"duplicate key {path}; it was first given at line {firstLine}", At(fileName, key.Line, key.Column));
                continue;
            }

            seen[key.Value] = key.Line;
            if (HardwareSpecSchema.IsSection(path))
            {
                switch (valueNode)
                {
                    case YamlTreeMapping child:
                        ReadSection(child, path, document, fileName, bag);
                        break;
                    case YamlTreeScalar { IsNull: true }:
                        break; // an empty section: every key takes its default
                    default:
                        bag.Error(
                            HardwareSpecCodes.WrongType,
                            $"{path} must be a mapping of {string.Join(", ", HardwareSpecSchema.ChildrenOf(path))}; got {Describe(valueNode)}",
                            At(fileName, valueNode.Line, valueNode.Column));
                        break;
                }
            }
            else if (HardwareSpecSchema.Find(path) is not null)
            {
                document.Set(path, ToRaw(valueNode, At(fileName, valueNode.Line, valueNode.Column)));
            }
            else
            {
                bag.Error(HardwareSpecCodes.UnknownKey, UnknownKeyMessage(path, section, Suggest(section, key.Value)), At(fileName, key.Line, key.Column));
            }
        }
    }

    private static RawValue ToRaw(YamlTreeNode node, SourceLocation location) => node switch
    {
        YamlTreeScalar { IsNull: true } => new RawValue(RawKind.Null, null, location, FromOverride: false),
        YamlTreeScalar scalar => new RawValue(RawKind.Scalar, scalar.Value, location, FromOverride: false),
        YamlTreeMapping => new RawValue(RawKind.Mapping, null, location, FromOverride: false),
        _ => new RawValue(RawKind.Sequence, null, location, FromOverride: false),
    };

    private static string Describe(YamlTreeNode node) => node switch
    {
        YamlTreeScalar { IsNull: true } => "nothing",
        YamlTreeScalar scalar => $"'{scalar.Value}'",
        YamlTreeMapping => "a mapping",
        _ => "a list",
    };

    /// <summary>YamlDotNet's "While scanning …, found ….": lower-cased first letter, no final period, to read as part of ours.</summary>
    private static string Sentence(string message)
    {
        var trimmed = message.Trim().TrimEnd('.');
        return trimmed.Length == 0 ? "unreadable YAML" : char.ToLowerInvariant(trimmed[0]) + trimmed[1..];
    }

    private static SourceLocation At(string fileName, int line, int column) => new(fileName, line, column);
}
