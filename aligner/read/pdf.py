from aligner.read.base import BinaryReader
class PdfReader(BinaryReader):
    def blocks_of(self, data, path): raise NotImplementedError
