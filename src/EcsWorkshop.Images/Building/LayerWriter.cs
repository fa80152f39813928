using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using EcsWorkshop.Images.Layout;

namespace EcsWorkshop.Images.Building;

/// <summary>
/// Writes a layer as a deterministic gzipped tar archive: GNU tar entries in path order, modification time 0, no
/// user or group names; gzip at a fixed level with modification time 0 and a fixed OS byte. The same entries always
/// give the same bytes, so the same digests. The tar is hashed on the way into gzip (the diff_id) and the gzip on the
/// way to disk (the layer digest): one pass, nothing held in memory.
/// </summary>
public static class LayerWriter
{
    /// <summary>The zlib compression level of every layer.</summary>
    public const int CompressionLevel = 6;

    /// <summary>Writes the entries as a layer blob into <paramref name="blobs"/>.</summary>
    public static LayerBlob Write(IEnumerable<LayerEntry> entries, BlobDirectory blobs)
    {
        var temporary = blobs.NewTemporaryFile();
        Digest diffId;
        Digest digest;
        try
        {
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            using (var compressedHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            using (var tarHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var compressed = new FixedGzipHeaderStream(new HashingWriteStream(file, compressedHash));
                using (var gzip = new GZipStream(compressed, new ZLibCompressionOptions { CompressionLevel = CompressionLevel, CompressionStrategy = ZLibCompressionStrategy.Default }, leaveOpen: true))
                using (var tar = new TarWriter(new HashingWriteStream(gzip, tarHash), TarEntryFormat.Gnu, leaveOpen: false))
                {
                    foreach (var entry in entries) WriteEntry(tar, entry);
                }
                compressed.Flush();
                diffId = Digest.Of(tarHash);
                digest = Digest.Of(compressedHash);
            }
            var size = new FileInfo(temporary).Length;
            var path = blobs.Commit(temporary, digest);
            return new LayerBlob(new Descriptor(MediaTypes.OciLayerGzip, digest, size), diffId, path);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    private static void WriteEntry(TarWriter tar, LayerEntry entry)
    {
        var type = entry.Kind switch
        {
            LayerEntryKind.Directory => TarEntryType.Directory,
            LayerEntryKind.SymbolicLink => TarEntryType.SymbolicLink,
            _ => TarEntryType.RegularFile,
        };
        var name = entry.Kind == LayerEntryKind.Directory ? entry.Path + "/" : entry.Path;
        var tarEntry = new GnuTarEntry(type, name)
        {
            ModificationTime = DateTimeOffset.UnixEpoch,
            Mode = entry.Mode,
            Uid = entry.Uid,
            Gid = entry.Gid,
        };
        if (entry.Kind == LayerEntryKind.SymbolicLink) tarEntry.LinkName = entry.LinkTarget!;
        if (entry.Kind == LayerEntryKind.File)
        {
            using var content = new FileStream(entry.SourceFile!, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            tarEntry.DataStream = content;
            tar.WriteEntry(tarEntry);
            return;
        }
        tar.WriteEntry(tarEntry);
    }

    /// <summary>Passes writes through and hashes them.</summary>
    private sealed class HashingWriteStream(Stream inner, IncrementalHash hash) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            hash.AppendData(buffer);
            inner.Write(buffer);
        }

        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }

    /// <summary>
    /// Sets the OS byte of the gzip header (byte 9) to 255, "unknown", as Go's gzip writes it: zlib writes the OS it
    /// was built for, which would make the same layer differ between Linux, macOS and Windows.
    /// </summary>
    private sealed class FixedGzipHeaderStream(Stream inner) : Stream
    {
        private const int OsByteOffset = 9;
        private long _written;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (_written <= OsByteOffset && _written + buffer.Length > OsByteOffset)
            {
                var copy = buffer.ToArray();
                copy[OsByteOffset - _written] = 0xFF;
                inner.Write(copy);
            }
            else
            {
                inner.Write(buffer);
            }
            _written += buffer.Length;
        }

        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
