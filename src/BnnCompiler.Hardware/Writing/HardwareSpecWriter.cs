using System.Text;

namespace BnnCompiler.Hardware;

/// <summary>
/// Writes a spec back as YAML: every key of the schema, in schema order, so that a report can embed the exact
/// spec used and the result of <c>--set</c> can be saved. <see cref="HardwareSpecLoader.Parse"/> of the
/// text gives back an equal spec (with the SourcePath passed to it).
/// </summary>
public static class HardwareSpecWriter
{
    public static string ToYaml(HardwareSpec spec)
    {
        var builder = new StringBuilder();
        builder.Append("# hardware spec written by bnnc from ").Append(spec.SourcePath.ReplaceLineEndings(" ")).Append('\n');
        var openSections = new List<string>();
        foreach (var field in HardwareSpecSchema.Fields)
        {
            var value = field.ValueIn(spec);
            if (value is null && field.IsOptional)
            {
                continue;
            }

            var sections = field.Section.Length == 0 ? [] : field.Section.Split('.');
            var common = 0;
            while (common < openSections.Count && common < sections.Length && openSections[common] == sections[common])
            {
                common++;
            }

            openSections.RemoveRange(common, openSections.Count - common);
            for (var depth = common; depth < sections.Length; depth++)
            {
                builder.Append(' ', 2 * depth).Append(sections[depth]).Append(":\n");
                openSections.Add(sections[depth]);
            }

            builder.Append(' ', 2 * sections.Length).Append(field.Name).Append(": ").Append(field.Type.Format(value)).Append('\n');
        }

        return builder.ToString();
    }
}
