package io.persession.formats.parquet;

import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;

/**
 * Decompression without Hadoop's codec classes (which would need a Hadoop {@code Configuration} and its XML
 * parser): uncompressed, Snappy (snappy-java, as BigQuery and most writers use) and gzip (the JDK's). Other codecs are
 * refused with a message naming them. Read only.
 */
final class LocalCodecs implements CompressionCodecFactory {
    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        throw new UnsupportedOperationException("persession only reads Parquet");
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        return new BytesInputDecompressor() {
            @Override
            public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
                byte[] in = bytes.toByteArray();
                switch (codec) {
                    case UNCOMPRESSED:
                        return BytesInput.from(in);
                    case SNAPPY:
                        byte[] out = new byte[uncompressedSize];
                        org.xerial.snappy.Snappy.uncompress(in, 0, in.length, out, 0);
                        return BytesInput.from(out);
                    case GZIP:
                        try (GZIPInputStream g = new GZIPInputStream(new ByteArrayInputStream(in))) {
                            return BytesInput.from(g.readNBytes(uncompressedSize));
                        }
                    default:
                        throw new IOException("Parquet compression " + codec + " is not supported; persession reads uncompressed, SNAPPY and GZIP");
                }
            }

            @Override
            public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize) throws IOException {
                byte[] in = new byte[compressedSize];
                input.get(in);
                output.put(decompress(BytesInput.from(in), uncompressedSize).toByteBuffer());
            }

            @Override
            public void release() {
            }
        };
    }

    @Override
    public void release() {
    }
}
