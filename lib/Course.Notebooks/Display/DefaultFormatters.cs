using System.Collections;
using System.Net;
using System.Reflection;
using System.Text;

namespace Course.Notebooks.Display;

/// <summary>
/// How values without a convention formatter are shown, following .NET Interactive: scalars and strings
/// as text, collections and plain objects as an HTML table (with a text/plain form for text-only front
/// ends), never just a type name.
/// </summary>
internal static class DefaultFormatters
{
    /// <summary>Collections show at most this many items, as .NET Interactive does.</summary>
    public const int MaxItems = 20;

    public static string PlainText(object? value)
    {
        if (value is null || PlainValues.IsScalar(value)) return PlainValues.Text(value);
        if (value is IEnumerable items)
        {
            var shown = Take(items, out var more).Select(ItemText);
            return "[ " + string.Join(", ", shown) + (more ? ", ... (more)" : "") + " ]";
        }
        if (PlainValues.HasOwnToString(value.GetType())) return value.ToString() ?? "";
        var members = Members(value.GetType()).Select(m => $"{m.Name} = {ItemText(ReadMember(m, value))}");
        return $"{value.GetType().Name} {{ {string.Join(", ", members)} }}";
    }

    public static string Html(object value)
    {
        if (value is IEnumerable items) return CollectionTable(items);
        var members = Members(value.GetType());
        var html = new StringBuilder("<table><thead><tr>");
        foreach (var member in members) html.Append("<th>").Append(Encode(member.Name)).Append("</th>");
        html.Append("</tr></thead><tbody><tr>");
        foreach (var member in members) html.Append("<td>").Append(CellHtml(ReadMember(member, value))).Append("</td>");
        return html.Append("</tr></tbody></table>").ToString();
    }

    private static string CollectionTable(IEnumerable items)
    {
        var list = Take(items, out var more);
        // Items that are objects get one column per member (a table of records); scalars one "value" column.
        var objectType = list.Where(i => i is not null).Select(i => i!.GetType()).Distinct().ToList() is [var single]
            && !PlainValues.IsScalar(list.First(i => i is not null)!) && list.All(i => i is not IEnumerable)
            ? single : null;
        var members = objectType is null ? [] : Members(objectType);
        var html = new StringBuilder("<table><thead><tr><th><i>index</i></th>");
        if (objectType is null) html.Append("<th>value</th>");
        foreach (var member in members) html.Append("<th>").Append(Encode(member.Name)).Append("</th>");
        html.Append("</tr></thead><tbody>");
        for (var i = 0; i < list.Count; i++)
        {
            html.Append("<tr><td>").Append(i).Append("</td>");
            if (objectType is null) html.Append("<td>").Append(CellHtml(list[i])).Append("</td>");
            else foreach (var member in members) html.Append("<td>").Append(CellHtml(ReadMember(member, list[i]!))).Append("</td>");
            html.Append("</tr>");
        }
        if (more) html.Append("<tr><td colspan=\"").Append(1 + Math.Max(1, members.Count)).Append("\"><i>... (more)</i></td></tr>");
        return html.Append("</tbody></table>").ToString();
    }

    private static List<object?> Take(IEnumerable items, out bool more)
    {
        var list = new List<object?>();
        more = false;
        foreach (var item in items)
        {
            if (list.Count == MaxItems) { more = true; break; }
            list.Add(item);
        }
        return list;
    }

    /// <summary>Nested values inside a table or a list are shown by their text, one level deep.</summary>
    private static string ItemText(object? value) => value switch
    {
        null => "<null>",
        string s => s,
        _ when PlainValues.IsScalar(value) || PlainValues.HasOwnToString(value.GetType()) => PlainValues.Text(value),
        IEnumerable items => "[ " + string.Join(", ", Take(items, out var more).Select(PlainValues.Text)) + (more ? ", ..." : "") + " ]",
        _ => value.GetType().Name,
    };

    private static string CellHtml(object? value) => Encode(ItemText(value));

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static List<MemberInfo> Members(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && p.CanRead && !p.PropertyType.IsByRefLike),
         .. type.GetFields(BindingFlags.Public | BindingFlags.Instance)];

    private static object? ReadMember(MemberInfo member, object target)
    {
        try
        {
            return member switch
            {
                PropertyInfo p => p.GetValue(target),
                FieldInfo f => f.GetValue(target),
                _ => null,
            };
        }
        catch (TargetInvocationException e)
        {
            // A throwing getter should not hide the rest of the object.
            return $"({e.InnerException?.GetType().Name ?? "error"})";
        }
    }
}
