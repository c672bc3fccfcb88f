"""
A vbaProject.bin for the corpus's .xlsm: a compound file (MS-CFB version 3) with the streams a VBA project
has (PROJECT, PROJECTwm, VBA/dir, VBA/_VBA_PROJECT, VBA/Module1), the module source stored in MS-OVBA's
compressed container with raw chunks. No VBA tooling runs here, so it is a project's shape rather than one
Excel would run; what the corpus checks is that the part survives byte for byte.
"""
import struct

SECTOR = 512
FREESECT, ENDOFCHAIN, FATSECT = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
NOSTREAM = 0xFFFFFFFF
#: Streams below this size would belong in the mini stream; every stream here is padded past it.
MINI_CUTOFF = 4096


def ovba_compress(data):
    """MS-OVBA 2.4.1 compressed container made of raw (uncompressed) 4096-byte chunks."""
    out = bytearray(b'\x01')
    for i in range(0, len(data), 4096):
        chunk = data[i:i + 4096].ljust(4096, b'\x00')
        out += struct.pack('<H', (4096 + 2 - 3) | (0b011 << 12))  # flag bit 15 = 0: raw chunk
        out += chunk
    return bytes(out)


def cfb(tree):
    """tree: list of (name, bytes) for streams and (name, list) for storages, under the root."""
    entries = []  # dicts: name, type, data, children
    sectors = bytearray()
    fat = []

    def add_stream(data):
        data = data.ljust(MINI_CUTOFF, b'\x00')
        start = len(sectors) // SECTOR
        n = (len(data) + SECTOR - 1) // SECTOR
        sectors.extend(data.ljust(n * SECTOR, b'\x00'))
        for k in range(n):
            fat.append(start + k + 1 if k < n - 1 else ENDOFCHAIN)
        return start, len(data)

    def key(name):
        return (len(name), name.upper())

    def build(name, node, kind):
        entry = {'name': name, 'type': kind, 'start': ENDOFCHAIN, 'size': 0, 'child': NOSTREAM,
                 'right': NOSTREAM}
        index = len(entries)
        entries.append(entry)
        if kind == 2:
            entry['start'], entry['size'] = add_stream(node)
        else:
            kids = [build(n, v, 2 if isinstance(v, bytes) else 1) for n, v in sorted(node, key=lambda x: key(x[0]))]
            # Siblings as a chain of right links in ascending order, every node black: a valid tree shape.
            for a, b in zip(kids, kids[1:]):
                entries[a]['right'] = b
            if kids:
                entry['child'] = kids[0]
        return index

    build('Root Entry', tree, 5)
    directory = bytearray()
    for e in entries:
        name = e['name'].encode('utf-16le') + b'\x00\x00'
        directory += name.ljust(64, b'\x00')
        directory += struct.pack('<HBB', len(name), e['type'], 1)
        directory += struct.pack('<III', NOSTREAM, e['right'], e['child'])
        directory += b'\x00' * 16 + struct.pack('<I', 0) + b'\x00' * 16
        directory += struct.pack('<IQ', e['start'], e['size'])
    directory = directory.ljust(((len(directory) + SECTOR - 1) // SECTOR) * SECTOR, b'\x00')
    dir_start = len(sectors) // SECTOR
    dir_count = len(directory) // SECTOR
    sectors.extend(directory)
    for k in range(dir_count):
        fat.append(dir_start + k + 1 if k < dir_count - 1 else ENDOFCHAIN)
    fat_start = len(sectors) // SECTOR
    fat_count = 1
    while len(fat) + fat_count > fat_count * (SECTOR // 4):
        fat_count += 1
    fat.extend([FATSECT] * fat_count)
    fat_bytes = b''.join(struct.pack('<I', x) for x in fat)
    fat_bytes = fat_bytes.ljust(fat_count * SECTOR, b'\xff')
    sectors.extend(fat_bytes)
    difat = [fat_start + k for k in range(fat_count)] + [FREESECT] * (109 - fat_count)
    header = bytearray()
    header += bytes.fromhex('D0CF11E0A1B11AE1') + b'\x00' * 16
    header += struct.pack('<HHHHH', 0x3E, 3, 0xFFFE, 9, 6) + b'\x00' * 6
    header += struct.pack('<IIIIIIIII', 0, fat_count, dir_start, 0, MINI_CUTOFF, ENDOFCHAIN, 0, ENDOFCHAIN, 0)
    header += b''.join(struct.pack('<I', x) for x in difat)
    assert len(header) == SECTOR
    return bytes(header + sectors)


MODULE_SOURCE = (
    'Attribute VB_Name = "Module1"\r\n'
    'Sub EvaluationNote()\r\n'
    '    MsgBox "KPI evaluation: kpi-sheet evaluate"\r\n'
    'End Sub\r\n'
).encode('ascii')

PROJECT = (
    'ID="{5B0C8B2E-8F7D-4C1A-9E55-3B1D2A7F6C10}"\r\n'
    'Module=Module1\r\n'
    'Name="VBAProject"\r\n'
    'HelpContextID="0"\r\n'
    'VersionCompatible32="393222000"\r\n'
    'CMG="" \r\nDPB=""\r\nGC=""\r\n\r\n[Host Extender Info]\r\n&H00000001={3832D640-CF90-11CF-8E43-00A0C911005A};VBE;&H00000000\r\n'
).encode('ascii')


def vba_project_bin():
    return cfb([
        ('PROJECT', PROJECT),
        ('PROJECTwm', b'Module1\x00M\x00o\x00d\x00u\x00l\x00e\x001\x00\x00\x00\x00\x00'),
        ('VBA', [
            ('dir', ovba_compress(b'\x01\x00\x04\x00\x00\x00\x01\x00\x00\x00')),
            ('_VBA_PROJECT', b'\xcc\x61\xff\xff\x00\x00\x00'),
            ('Module1', ovba_compress(MODULE_SOURCE)),
        ]),
    ])
