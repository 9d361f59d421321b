using System.Buffers.Binary;
using System.Text;

namespace Course.Native;

/// <summary>
/// Reads and edits the symbol-version tables of a 64-bit little-endian ELF shared library: the versions it
/// defines (<c>.gnu.version_d</c>, e.g. libstdc++'s GLIBCXX_3.4.30) and the versions it requires of each
/// library it needs (<c>.gnu.version_r</c>). Written by hand because no served .NET package edits ELF
/// files, and the one edit the course needs (marking a requirement weak) is a two-byte change.
/// </summary>
public sealed class ElfVersions
{
    private const uint SectionVersionDefinitions = 0x6ffffffd; // SHT_GNU_verdef
    private const uint SectionVersionRequirements = 0x6ffffffe; // SHT_GNU_verneed
    private const ushort WeakFlag = 0x2; // VER_FLG_WEAK

    private readonly byte[] _image;
    private readonly List<Requirement> _requirements = [];

    /// <summary>One version a library requires of another, and where its flags live in the file.</summary>
    public sealed record Requirement(string File, string Version, bool Weak, int FlagsOffset);

    private ElfVersions(byte[] image, string path)
    {
        _image = image;
        Path = path;
        Parse();
    }

    public string Path { get; }

    /// <summary>The versions this library defines (what it offers to others).</summary>
    public List<string> Definitions { get; } = [];

    /// <summary>The versions this library requires, per needed file.</summary>
    public IReadOnlyList<Requirement> Requirements => _requirements;

    public static ElfVersions Read(string path) => new(File.ReadAllBytes(path), path);

    /// <summary>
    /// A copy of this library, written to <paramref name="target"/>, in which the requirement of
    /// <paramref name="version"/> from <paramref name="file"/> is weak: the dynamic loader then accepts a
    /// <paramref name="file"/> that lacks the version, and fails only if a symbol bound to it is looked up.
    /// </summary>
    public void WriteWithWeakRequirement(string file, string version, string target)
    {
        var requirement = _requirements.SingleOrDefault(r => r.File == file && r.Version == version)
            ?? throw new InvalidOperationException($"{Path} does not require {version} of {file}.");
        var copy = (byte[])_image.Clone();
        var flags = BinaryPrimitives.ReadUInt16LittleEndian(copy.AsSpan(requirement.FlagsOffset));
        BinaryPrimitives.WriteUInt16LittleEndian(copy.AsSpan(requirement.FlagsOffset), (ushort)(flags | WeakFlag));
        var temporary = target + ".tmp-" + Environment.ProcessId;
        File.WriteAllBytes(temporary, copy);
        File.Move(temporary, target, overwrite: true); // two processes preparing it at once never see half a file
    }

    private void Parse()
    {
        if (_image.Length < 64 || _image[0] != 0x7f || _image[1] != 'E' || _image[2] != 'L' || _image[3] != 'F')
            throw new InvalidDataException($"{Path} is not an ELF file.");
        if (_image[4] != 2 || _image[5] != 1)
            throw new InvalidDataException($"{Path} is not a 64-bit little-endian ELF file.");
        var sectionTable = checked((int)U64(0x28));
        var sectionSize = U16(0x3a);
        var sectionCount = U16(0x3c);
        if (sectionSize < 0x40 || (long)sectionTable + (long)sectionCount * sectionSize > _image.Length)
            throw new InvalidDataException($"{Path} is truncated or corrupt (its section headers end past its {_image.Length} bytes).");
        for (var index = 0; index < sectionCount; index++)
        {
            var header = sectionTable + index * sectionSize;
            var type = U32(header + 4);
            if (type is not (SectionVersionDefinitions or SectionVersionRequirements)) continue;
            var offset = checked((int)U64(header + 0x18));
            var strings = checked((int)U64(sectionTable + (int)U32(header + 0x28) * sectionSize + 0x18));
            if (type == SectionVersionDefinitions) ReadDefinitions(offset, strings);
            else ReadRequirements(offset, strings);
        }
    }

    // Elf64_Verdef: vd_version u16, vd_flags u16, vd_ndx u16, vd_cnt u16, vd_hash u32, vd_aux u32, vd_next u32;
    // its first Elf64_Verdaux (vda_name u32, vda_next u32) names the version.
    private void ReadDefinitions(int offset, int strings)
    {
        for (var entry = offset; ; )
        {
            Definitions.Add(StringAt(strings + (int)U32(entry + (int)U32(entry + 12))));
            var next = U32(entry + 16);
            if (next == 0) break;
            entry += (int)next;
        }
    }

    // Elf64_Verneed: vn_version u16, vn_cnt u16, vn_file u32, vn_aux u32, vn_next u32;
    // Elf64_Vernaux: vna_hash u32, vna_flags u16, vna_other u16, vna_name u32, vna_next u32.
    private void ReadRequirements(int offset, int strings)
    {
        for (var entry = offset; ; )
        {
            var file = StringAt(strings + (int)U32(entry + 4));
            for (var aux = entry + (int)U32(entry + 8); ; )
            {
                var flags = U16(aux + 4);
                _requirements.Add(new Requirement(file, StringAt(strings + (int)U32(aux + 8)), (flags & WeakFlag) != 0, aux + 4));
                var nextAux = U32(aux + 12);
                if (nextAux == 0) break;
                aux += (int)nextAux;
            }
            var next = U32(entry + 12);
            if (next == 0) break;
            entry += (int)next;
        }
    }

    private string StringAt(int offset)
    {
        var end = offset >= 0 && offset < _image.Length ? Array.IndexOf(_image, (byte)0, offset) : -1;
        if (end < 0) throw new InvalidDataException($"{Path} is truncated or corrupt (no terminated string at offset {offset} of its {_image.Length} bytes).");
        return Encoding.ASCII.GetString(_image, offset, end - offset);
    }

    private ushort U16(int offset) => BinaryPrimitives.ReadUInt16LittleEndian(Span(offset, 2));
    private uint U32(int offset) => BinaryPrimitives.ReadUInt32LittleEndian(Span(offset, 4));
    private ulong U64(int offset) => BinaryPrimitives.ReadUInt64LittleEndian(Span(offset, 8));

    private ReadOnlySpan<byte> Span(int offset, int length) =>
        offset >= 0 && offset + length <= _image.Length
            ? _image.AsSpan(offset, length)
            : throw new InvalidDataException($"{Path} is truncated or corrupt (read at {offset} past its {_image.Length} bytes).");
}
