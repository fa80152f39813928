namespace EcsWorkshop.Display.Formatting;

/// <summary>
/// The look of every HTML output, as inline styles per CSS class. Colours are dark-on-light with at least
/// WCAG AA contrast, and the card sets its own background so it stays readable in a dark editor theme.
/// </summary>
internal static class Theme
{
    private const string Font =
        "font-family:system-ui,-apple-system,'Segoe UI','Hiragino Sans','Hiragino Kaku Gothic ProN','Noto Sans JP','Yu Gothic UI',Meiryo,sans-serif;";
    private const string Mono = "font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,'Noto Sans Mono CJK JP',monospace;";

    private static readonly Dictionary<string, string> Styles = new(StringComparer.Ordinal)
    {
        ["ecsws"] = Font + "font-size:14px;line-height:1.6;color:#1f2328;background:#ffffff;border:1px solid #d0d7de;" +
                    "border-radius:8px;padding:12px 16px;margin:8px 0;max-width:980px;box-sizing:border-box;",
        ["ecsws-title"] = "margin:0 0 8px 0;font-size:16px;font-weight:600;display:flex;flex-wrap:wrap;gap:8px;align-items:center;",
        ["ecsws-kind"] = "color:#57606a;font-weight:600;",
        ["ecsws-name"] = Mono + "color:#0b3d91;word-break:break-all;",
        ["ecsws-fields"] = "display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:0 0 8px 0;",
        ["ecsws-field"] = "display:contents;",
        ["ecsws-label"] = "color:#57606a;font-weight:600;",
        ["ecsws-value"] = "margin:0;word-break:break-all;",
        ["ecsws-scroll"] = "overflow-x:auto;max-width:100%;",
        ["ecsws-table"] = "border-collapse:collapse;margin:4px 0 10px 0;font-size:13px;width:auto;",
        ["ecsws-caption"] = "text-align:left;font-weight:600;color:#1f2328;padding:2px 0;",
        ["ecsws-th"] = "text-align:left;background:#f6f8fa;border:1px solid #d0d7de;padding:4px 8px;white-space:nowrap;",
        ["ecsws-td"] = "border:1px solid #d0d7de;padding:4px 8px;vertical-align:top;",
        ["ecsws-num"] = "text-align:right;font-variant-numeric:tabular-nums;",
        ["ecsws-row-highlight"] = "background:#fff8c5;",
        ["ecsws-empty"] = "color:#57606a;font-style:italic;margin:2px 0 8px 0;",
        ["ecsws-code"] = Mono + "font-size:12.5px;background:#f6f8fa;border-radius:4px;padding:0 4px;word-break:break-all;",
        ["ecsws-nowrap"] = "white-space:nowrap;word-break:normal;",
        ["ecsws-badge"] = "display:inline-block;border-radius:999px;padding:0 8px;font-size:12px;font-weight:600;" +
                          "line-height:1.7;border:1px solid;white-space:nowrap;",
        ["ecsws-badge-good"] = "background:#dafbe1;color:#116329;border-color:#4ac26b;",
        ["ecsws-badge-progress"] = "background:#ddf4ff;color:#0a3069;border-color:#54aeff;",
        ["ecsws-badge-warning"] = "background:#fff8c5;color:#6c4400;border-color:#d4a72c;",
        ["ecsws-badge-bad"] = "background:#ffebe9;color:#a40e26;border-color:#ff8182;",
        ["ecsws-badge-neutral"] = "background:#f6f8fa;color:#424a53;border-color:#afb8c1;",
        ["ecsws-badge-ja"] = "font-weight:400;",
        ["ecsws-note"] = "border-left:4px solid #54aeff;background:#f1f8ff;padding:6px 10px;margin:8px 0;",
        ["ecsws-note-look"] = "border-left-color:#54aeff;background:#f1f8ff;",
        ["ecsws-note-fix"] = "border-left-color:#4ac26b;background:#f0fff4;",
        ["ecsws-note-problem"] = "border-left-color:#ff8182;background:#fff5f5;",
        ["ecsws-note-info"] = "border-left-color:#afb8c1;background:#f6f8fa;",
        ["ecsws-note-label"] = "font-weight:600;margin-right:6px;",
        ["ecsws-cli"] = "margin:8px 0;",
        ["ecsws-cli-caption"] = "font-weight:600;color:#57606a;font-size:13px;margin-bottom:2px;",
        ["ecsws-pre"] = Mono + "background:#0d1117;color:#e6edf3;border-radius:6px;padding:8px 12px;margin:0;" +
                        "overflow-x:auto;font-size:12.5px;line-height:1.5;white-space:pre;",
        ["ecsws-pre-code"] = Mono + "user-select:all;-webkit-user-select:all;background:none;color:inherit;",
        ["ecsws-details"] = "margin:8px 0;",
        ["ecsws-summary"] = "cursor:pointer;font-weight:600;color:#0969da;",
        ["ecsws-markdown"] = "padding:4px 0 0 12px;",
        ["ecsws-original"] = Mono + "font-size:12.5px;background:#f6f8fa;border:1px solid #d0d7de;border-radius:6px;" +
                             "padding:6px 10px;margin:4px 0;white-space:pre-wrap;word-break:break-all;",
        ["ecsws-section"] = "margin:8px 0 4px 0;font-size:14px;font-weight:600;",
        ["ecsws-chip"] = Mono + "display:inline-block;border:1px solid #d0d7de;border-radius:4px;padding:0 4px;margin:1px 2px;font-size:12px;",
        ["ecsws-chip-hit"] = "background:#dafbe1;border-color:#4ac26b;",
        ["ecsws-chip-miss"] = "background:#ffebe9;border-color:#ff8182;text-decoration:line-through;",
        ["ecsws-diagram"] = "overflow-x:auto;",
    };

    /// <summary>The inline style for a space-separated class list (styles of later classes override earlier ones).</summary>
    public static string StyleFor(string classes)
    {
        var style = "";
        foreach (var name in classes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            if (Styles.TryGetValue(name, out var s)) style += s;
        return style;
    }
}
