package dev.mcpweb.chunk;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.function.ToIntFunction;

/** The real cl100k_base tokenizer, loaded once for all chunker tests (it is immutable). */
final class TestTokens {
    static final Encoding CL100K = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);
    static final ToIntFunction<String> COUNT = CL100K::countTokens;

    private TestTokens() {}
}
