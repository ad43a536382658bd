using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace BnnCompiler.Hardware;

/// <summary>A YAML node with the 1-based line and column where it starts.</summary>
internal abstract record YamlTreeNode(int Line, int Column);

internal sealed record YamlTreeScalar(string Value, bool IsNull, int Line, int Column) : YamlTreeNode(Line, Column);

internal sealed record YamlTreeMapping(IReadOnlyList<(YamlTreeNode Key, YamlTreeNode Value)> Entries, int Line, int Column)
    : YamlTreeNode(Line, Column);

internal sealed record YamlTreeSequence(IReadOnlyList<YamlTreeNode> Items, int Line, int Column) : YamlTreeNode(Line, Column);

/// <summary>A YAML syntax error (or a nesting deeper than the cap) and where it is.</summary>
internal sealed class YamlTreeException(string message, int line, int column, bool tooDeep = false) : Exception(message)
{
    public bool TooDeep { get; } = tooDeep;

    public int Line { get; } = line;

    public int Column { get; } = column;
}

/// <summary>
/// Builds a small node tree from YamlDotNet's event parser. Unlike YamlDotNet's representation model it keeps
/// duplicate keys (so that they are reported with the others, not thrown) and every node's position.
/// </summary>
internal static class YamlTree
{
    public const int MaxDepth = HardwareSpecLoader.MaxSpecDepth;

    /// <summary>The documents of a YAML stream (none for an empty file or one with only comments).</summary>
    public static IReadOnlyList<YamlTreeNode> Parse(string text)
    {
        var parser = new Parser(new StringReader(text));
        var reader = new EventReader(parser);
        var documents = new List<YamlTreeNode>();
        reader.Expect<StreamStart>();
        while (!reader.TryConsume<StreamEnd>())
        {
            reader.Expect<DocumentStart>();
            documents.Add(reader.ReadNode(0));
            reader.Expect<DocumentEnd>();
        }

        return documents;
    }

    private sealed class EventReader(IParser parser)
    {
        private readonly Dictionary<string, YamlTreeNode> _anchors = new(StringComparer.Ordinal);
        private Mark _lastMark = Mark.Empty;

        public void Expect<T>()
            where T : ParsingEvent
        {
            if (!TryConsume<T>())
            {
                throw new YamlTreeException("unexpected YAML content", (int)_lastMark.Line, (int)_lastMark.Column);
            }
        }

        public bool TryConsume<T>()
            where T : ParsingEvent
        {
            if (Peek() is T)
            {
                Next();
                return true;
            }

            return false;
        }

        public YamlTreeNode ReadNode(int depth)
        {
            var parsingEvent = Next();
            if (depth >= MaxDepth && parsingEvent is MappingStart or SequenceStart)
            {
                throw new YamlTreeException($"mappings and sequences nest deeper than {MaxDepth} levels here; a hardware spec nests at most 3",
                    (int)parsingEvent.Start.Line, (int)parsingEvent.Start.Column, tooDeep: true);
            }

            YamlTreeNode node;
            switch (parsingEvent)
            {
                case Scalar scalar:
                    var isNull = scalar.Style == ScalarStyle.Plain && scalar.Value is "" or "~" or "null" or "Null" or "NULL";
                    node = new YamlTreeScalar(scalar.Value, isNull, (int)scalar.Start.Line, (int)scalar.Start.Column);
                    break;
                case MappingStart mapping:
                    var entries = new List<(YamlTreeNode, YamlTreeNode)>();
                    while (!TryConsume<MappingEnd>())
                    {
                        var key = ReadNode(depth + 1);
                        entries.Add((key, ReadNode(depth + 1)));
                    }

                    node = new YamlTreeMapping(entries, (int)mapping.Start.Line, (int)mapping.Start.Column);
                    break;
                case SequenceStart sequence:
                    var items = new List<YamlTreeNode>();
                    while (!TryConsume<SequenceEnd>())
                    {
                        items.Add(ReadNode(depth + 1));
                    }

                    node = new YamlTreeSequence(items, (int)sequence.Start.Line, (int)sequence.Start.Column);
                    break;
                case AnchorAlias alias:
                    return _anchors.TryGetValue(alias.Value.Value, out var target)
                        ? target
                        : throw new YamlTreeException($"alias *{alias.Value.Value} refers to no anchor", (int)alias.Start.Line, (int)alias.Start.Column);
                default:
                    throw new YamlTreeException("unexpected YAML content", (int)parsingEvent.Start.Line, (int)parsingEvent.Start.Column);
            }

            if (parsingEvent is NodeEvent { Anchor.IsEmpty: false } anchored)
            {
                _anchors[anchored.Anchor.Value] = node;
            }

            return node;
        }

        private ParsingEvent? Peek()
        {
            Guard(() => parser.Accept<ParsingEvent>(out _));
            return parser.Current;
        }

        private ParsingEvent Next()
        {
            var current = Peek() ?? throw new YamlTreeException("unexpected end of the YAML text", (int)_lastMark.Line, (int)_lastMark.Column);
            _lastMark = current.Start;
            Guard(parser.MoveNext);
            return current;
        }

        /// <summary>Turns YamlDotNet's errors, including the odd InvalidOperationException on broken input, into one exception with a position.</summary>
        private void Guard(Func<bool> step)
        {
            try
            {
                step();
            }
            catch (YamlException e)
            {
                throw new YamlTreeException(e.Message, (int)e.Start.Line, (int)e.Start.Column);
            }
            catch (Exception e) when (e is InvalidOperationException or EndOfStreamException)
            {
                throw new YamlTreeException("the YAML text cannot be read past this point (an unclosed bracket or quote?)", (int)_lastMark.Line, (int)_lastMark.Column);
            }
        }
    }
}
