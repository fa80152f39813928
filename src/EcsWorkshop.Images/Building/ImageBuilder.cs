using System.Collections.Immutable;
using System.Globalization;
using EcsWorkshop.Images.Dockerfiles;
using EcsWorkshop.Images.Layout;
using EcsWorkshop.Images.Oci;

namespace EcsWorkshop.Images.Building;

/// <summary>
/// Builds an OCI image from a build context and a Dockerfile without Docker: each <c>COPY</c>/<c>ADD</c> becomes a
/// deterministic layer, every other instruction changes the image config, and the result is written as blobs.
/// The base image is used for real when it is in the caller's local OCI layout; otherwise it is a stand-in that
/// contributes no files and is marked so in the labels. The same context always gives the same digests.
/// </summary>
public static class ImageBuilder
{
    /// <summary>The label naming the base image the Dockerfile starts FROM.</summary>
    public const string BaseImageLabel = "org.ecsworkshop.base-image";

    /// <summary>The label that is <c>true</c> when the base image's files are not included.</summary>
    public const string StandInLabel = "org.ecsworkshop.base-image.stand-in";

    /// <summary>The label that says in words what a stand-in base means.</summary>
    public const string StandInNoteLabel = "org.ecsworkshop.base-image.note";

    /// <summary>The same note in Japanese.</summary>
    public const string StandInNoteJapaneseLabel = "org.ecsworkshop.base-image.note.ja";

    /// <summary>The OCI annotation naming the base image on the manifest.</summary>
    public const string BaseNameAnnotation = "org.opencontainers.image.base.name";

    /// <summary>The OCI annotation with the base image's digest, when it is known.</summary>
    public const string BaseDigestAnnotation = "org.opencontainers.image.base.digest";

    private const string HistoryComment = "ecs-workshop: built without Docker";

    /// <summary>Builds the image; throws <see cref="DockerfileException"/> for a Dockerfile that cannot be built here.</summary>
    public static BuiltImage Build(ImageBuildOptions options)
    {
        var contextDirectory = Path.GetFullPath(options.ContextDirectory);
        var dockerfilePath = Path.GetFullPath(options.DockerfilePath ?? Path.Combine(contextDirectory, "Dockerfile"));
        if (!File.Exists(dockerfilePath))
            throw new DockerfileException(0, "", DockerfileErrorKind.Build,
                $"No Dockerfile was found at {dockerfilePath}. Put a file named Dockerfile in the build context directory, or name the Dockerfile to use.",
                $"Dockerfile が見つかりません（{dockerfilePath}）。ビルドコンテキストのディレクトリに Dockerfile という名前のファイルを置くか、使う Dockerfile を指定してください。");

        var dockerfile = Dockerfile.Load(dockerfilePath, new DockerfileParseOptions
        {
            BuildArgs = options.BuildArgs,
            TargetPlatform = options.Platform,
            BaseImageEnvironment = options.BaseImageLayout is { } layout
                ? (image, platform) => OciLayout.Find(layout, image, platform)?.Config.Config.Env
                : null,
        });
        var context = new BuildContext(contextDirectory, DockerIgnore.Load(contextDirectory, dockerfilePath));
        var blobs = new BlobDirectory(options.OutputDirectory);
        var scratch = Directory.CreateTempSubdirectory("ecs-workshop-build-").FullName;
        try
        {
            var run = new BuildRun(dockerfile, options, new CopyPlanner(context, scratch), blobs);
            var state = run.BuildStage(dockerfile.TargetStage(options.Target).Index);
            foreach (var (name, value) in options.Labels) state.Labels[name] = value;
            return Finish(state, blobs);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static BuiltImage Finish(ImageState state, BlobDirectory blobs)
    {
        var config = state.ToConfiguration();
        var configBytes = ImageJson.Serialize(config);
        var configDescriptor = new Descriptor(MediaTypes.OciConfig, Digest.Of(configBytes), configBytes.Length);
        var annotations = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);
        if (state.Base.Kind != BaseImageKind.Scratch && ImageReference.TryParse(state.Base.Reference, out var baseReference))
            annotations = annotations.Add(BaseNameAnnotation, baseReference.FullName);
        if (state.Base.Digest is { } baseDigest) annotations = annotations.Add(BaseDigestAnnotation, baseDigest.ToString());
        var manifest = new ImageManifest(configDescriptor, [.. state.Layers.Select(l => l.Descriptor)])
        {
            Annotations = annotations.IsEmpty ? null : annotations,
        };
        var manifestBytes = ImageJson.Serialize(manifest);
        blobs.Put(configBytes);
        blobs.Put(manifestBytes);
        return new BuiltImage(
            new Descriptor(MediaTypes.OciManifest, Digest.Of(manifestBytes), manifestBytes.Length), manifestBytes, manifest,
            configDescriptor, configBytes, config, [.. state.Layers], state.Base);
    }

    /// <summary>One build: the stages built so far and how to build the next.</summary>
    private sealed class BuildRun(Dockerfile dockerfile, ImageBuildOptions options, CopyPlanner planner, BlobDirectory blobs)
    {
        private readonly Dictionary<int, ImageState> _built = [];

        public ImageState BuildStage(int index)
        {
            if (_built.TryGetValue(index, out var done)) return done;
            var stage = dockerfile.Stages[index];
            var state = stage.ParentStage is { } parent ? BuildStage(parent).CopyForStage() : FromBase(stage);
            state.CmdSet = false;
            foreach (var instruction in stage.Instructions) Apply(state, instruction);
            _built[index] = state;
            return state;
        }

        private ImageState FromBase(BuildStage stage)
        {
            var from = stage.From;
            ImageState state;
            if (from.IsScratch)
            {
                state = ImageState.Empty(stage.Platform, new BaseImageInfo(BaseImageKind.Scratch, "scratch"));
            }
            else if (options.BaseImageLayout is { } layout && OciLayout.Find(layout, from.Image, stage.Platform) is { } local)
            {
                state = ImageState.From(local.Config, local.Layers, new BaseImageInfo(BaseImageKind.Local, from.Image, local.ManifestDescriptor.Digest));
                state.Labels[BaseImageLabel] = from.Image;
            }
            else
            {
                state = ImageState.Empty(stage.Platform, new BaseImageInfo(BaseImageKind.StandIn, from.Image));
                state.Labels[BaseImageLabel] = from.Image;
                state.Labels[StandInLabel] = "true";
                state.Labels[StandInNoteLabel] =
                    $"The files of the base image {from.Image} are not included: it was not available to the build without Docker, " +
                    "so this image holds only the layers its Dockerfile adds. It runs in the ECS workshop simulator; build with Docker for real AWS.";
                state.Labels[StandInNoteJapaneseLabel] =
                    $"ベースイメージ {from.Image} のファイルは含まれていません（Docker なしのビルドでは取得できないため、Dockerfile が追加したレイヤーだけを持つイメージです）。" +
                    "ECS ワークショップのシミュレーターで動きます。実際の AWS には Docker でビルドしてください。";
                state.History.Add(new HistoryEntry
                {
                    Created = ImageConfiguration.FixedCreated,
                    CreatedBy = $"{from.Text} (stand-in: the base image's files are not included)",
                    Comment = HistoryComment,
                    EmptyLayer = true,
                });
            }
            state.EnsurePath();
            return state;
        }

        private void Apply(ImageState state, Instruction instruction)
        {
            switch (instruction)
            {
                case ArgInstruction:
                    return;
                case CopyInstruction copy:
                {
                    var owner = Owners.Resolve(copy, state);
                    var contents = planner.Plan(copy, state.WorkingDir, owner);
                    state.Layers.Add(LayerWriter.Write(contents.Entries, blobs));
                    Record(state, instruction, emptyLayer: false);
                    return;
                }
                case EnvInstruction env:
                    foreach (var (name, value) in env.Variables) state.SetEnv(name, value);
                    break;
                case LabelInstruction label:
                    foreach (var (name, value) in label.Labels) state.Labels[name] = value;
                    break;
                case WorkdirInstruction workdir:
                    var path = workdir.Path.StartsWith('/') ? workdir.Path : (state.WorkingDir ?? "/") + "/" + workdir.Path;
                    state.WorkingDir = "/" + ContextPath.CleanInImage(path);
                    break;
                case ExposeInstruction expose:
                    state.ExposedPorts.UnionWith(expose.Ports);
                    break;
                case UserInstruction user:
                    state.User = user.User;
                    break;
                case CmdInstruction cmd:
                    state.Cmd = cmd.Command;
                    state.CmdSet = true;
                    break;
                case EntrypointInstruction entrypoint:
                    state.Entrypoint = entrypoint.Command;
                    if (!state.CmdSet) state.Cmd = null;
                    break;
                case HealthcheckInstruction healthcheck:
                    state.Healthcheck = healthcheck.Check;
                    break;
                case VolumeInstruction volume:
                    state.Volumes.UnionWith(volume.Paths);
                    break;
                case StopSignalInstruction stopSignal:
                    state.StopSignal = stopSignal.Signal;
                    break;
                case MaintainerInstruction maintainer:
                    state.Author = maintainer.Author;
                    break;
                case ShellInstruction:
                    break;
                default:
                    throw new InvalidOperationException($"No build step for {instruction.GetType().Name}.");
            }
            Record(state, instruction, emptyLayer: true);
        }

        private static void Record(ImageState state, Instruction instruction, bool emptyLayer) =>
            state.History.Add(new HistoryEntry
            {
                Created = ImageConfiguration.FixedCreated,
                CreatedBy = instruction.Text,
                Comment = HistoryComment,
                EmptyLayer = emptyLayer,
            });
    }

    /// <summary>Resolves <c>--chown</c> to numeric IDs: numbers as they are, names through the image's /etc/passwd and /etc/group.</summary>
    private static class Owners
    {
        public static (int Uid, int Gid) Resolve(CopyInstruction copy, ImageState state)
        {
            if (copy.Chown is not { } chown) return (0, 0);
            var uid = Id(copy, state, chown.User, "etc/passwd");
            var gid = chown.Group is null ? uid : Id(copy, state, chown.Group, "etc/group");
            return (uid, gid);
        }

        private static int Id(CopyInstruction copy, ImageState state, string name, string file)
        {
            if (int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return id;
            if (name == "root") return 0;
            var text = ImageFiles.ReadText(state.Layers, file);
            var line = text?.Split('\n').Select(l => l.Split(':')).FirstOrDefault(f => f.Length > 2 && f[0] == name);
            if (line is not null && int.TryParse(line[2], NumberStyles.None, CultureInfo.InvariantCulture, out id)) return id;
            throw DockerfileErrors.UnknownOwner(copy.Line, copy.IsAdd ? "ADD" : "COPY", name, state.Base.Kind == BaseImageKind.StandIn && text is null);
        }
    }
}
