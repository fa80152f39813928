using EcsWorkshop.Images.Dockerfiles;

namespace EcsWorkshop.Images.Building;

/// <summary>
/// Works out the layer a <c>COPY</c> or <c>ADD</c> makes, following docker's rules: sources are context paths or
/// wildcard patterns; a directory's contents (not the directory) are copied; the destination is a directory when
/// it ends with <c>/</c> or several sources are copied, else the file's new path; relative destinations are below
/// the working directory; <c>ADD</c> unpacks local tar archives.
/// </summary>
internal sealed class CopyPlanner(BuildContext context, string scratchDirectory)
{
    /// <summary>The entries of the layer for one instruction.</summary>
    public LayerContents Plan(CopyInstruction copy, string? workingDirectory, (int Uid, int Gid) owner)
    {
        var keyword = copy.IsAdd ? "ADD" : "COPY";
        var destinationIsDirectory = copy.Destination.EndsWith('/') || copy.Destination is "." or ".." || copy.Destination.EndsWith("/.");
        if (copy.Sources.Length > 1 && !destinationIsDirectory) throw DockerfileErrors.DestinationNotDirectory(copy.Line, keyword);
        var destination = ContextPath.CleanInImage(copy.Destination.StartsWith('/') ? copy.Destination : (workingDirectory ?? "/") + "/" + copy.Destination);

        var matches = new List<string>();
        foreach (var source in copy.Sources)
        {
            var path = ContextPath.Clean(source) ?? throw DockerfileErrors.SourceOutsideContext(copy.Line, keyword, source);
            var found = PathPattern.HasWildcards(path) ? context.Glob(path) : context.Find(path) is null ? [] : [path];
            if (found.Count == 0) throw DockerfileErrors.SourceNotFound(copy.Line, keyword, source);
            matches.AddRange(found.Where(f => !matches.Contains(f)));
        }
        if (matches.Count > 1) destinationIsDirectory = true;

        var layer = new LayerContents();
        var (uid, gid) = owner;
        foreach (var match in matches)
        {
            var info = context.Find(match) ?? throw DockerfileErrors.SourceNotFound(copy.Line, keyword, match);
            if (info is DirectoryInfo)
            {
                layer.Add(new LayerEntry(destination, LayerEntryKind.Directory, copy.Chmod ?? LayerContents.DirectoryMode, uid, gid));
                foreach (var (path, item) in context.Walk(match))
                {
                    var target = ContextPath.Join(destination, path[(match.Length == 0 ? 0 : match.Length + 1)..]);
                    layer.Add(EntryFor(item, target, copy.Chmod, uid, gid));
                }
                continue;
            }
            var file = (FileInfo)info;
            if (copy.IsAdd && ArchiveExtractor.Detect(file) is { } archive)
            {
                if (archive.Unsupported is { } format) throw DockerfileErrors.UnsupportedArchive(copy.Line, match, format);
                if (destination.Length > 0) layer.Add(new LayerEntry(destination, LayerEntryKind.Directory, LayerContents.DirectoryMode, uid, gid));
                ArchiveExtractor.Extract(file, archive.Gzip, destination, layer, copy.Chown is null ? null : owner, copy.Chmod, scratchDirectory);
                continue;
            }
            if (destinationIsDirectory && destination.Length > 0)
                layer.Add(new LayerEntry(destination, LayerEntryKind.Directory, LayerContents.DirectoryMode, uid, gid));
            var fileTarget = destinationIsDirectory || destination.Length == 0 ? ContextPath.Join(destination, file.Name) : destination;
            layer.Add(new LayerEntry(fileTarget, LayerEntryKind.File, copy.Chmod ?? LayerContents.ModeOf(file), uid, gid, file.FullName));
        }
        return layer;
    }

    private static LayerEntry EntryFor(FileSystemInfo item, string target, UnixFileMode? chmod, int uid, int gid)
    {
        if (item.LinkTarget is { } link) return new LayerEntry(target, LayerEntryKind.SymbolicLink, LayerContents.LinkMode, uid, gid, LinkTarget: link);
        return item is DirectoryInfo
            ? new LayerEntry(target, LayerEntryKind.Directory, chmod ?? LayerContents.DirectoryMode, uid, gid)
            : new LayerEntry(target, LayerEntryKind.File, chmod ?? LayerContents.ModeOf((FileInfo)item), uid, gid, item.FullName);
    }
}
