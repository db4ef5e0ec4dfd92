package dev.mcpweb.build;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * A build step: copies the classes of the jar that holds a given class into a directory, each one older
 * than Java 8 rewritten as a Java 8 class file. Only the version changes, and the stack map frames that
 * Java 7 and later class files carry are computed: the code is the same, so it runs as before, but the
 * split verifier can check it when the JDK's AOT cache is written, and the cache keeps the class.
 *
 * <p>Usage: {@code Java8ClassFiles CLASS_IN_JAR OUTPUT_DIRECTORY}. Resources other than classes and the
 * jar's manifest and module descriptor are not copied: the product's jar has its own.
 */
public final class Java8ClassFiles {
    private Java8ClassFiles() {}

    public static void main(String[] args) throws IOException, URISyntaxException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: Java8ClassFiles CLASS_IN_JAR OUTPUT_DIRECTORY");
        }
        ClassLoader loader = Java8ClassFiles.class.getClassLoader();
        Path jar = jarHolding(args[0], loader);
        int rewritten = copy(jar, Path.of(args[1]), loader);
        System.out.println("Java8ClassFiles: " + rewritten + " classes of " + jar.getFileName() + " rewritten");
    }

    /**
     * The jar on the class path that holds {@code className}: the class path also holds the output
     * directory, which has the rewritten copy from an earlier build.
     */
    static Path jarHolding(String className, ClassLoader loader) throws IOException, URISyntaxException {
        String resource = className.replace('.', '/') + ".class";
        for (URL url : Collections.list(loader.getResources(resource))) {
            if (url.getProtocol().equals("jar")) {
                String path = url.getPath(); // file:/…/picocli-4.7.7.jar!/picocli/CommandLine.class
                return Path.of(new URI(path.substring(0, path.indexOf("!/"))));
            }
        }
        throw new IOException("no jar on the class path holds " + resource);
    }

    /** Copies the classes of {@code jar} to {@code out}; returns how many were rewritten. */
    static int copy(Path jar, Path out, ClassLoader types) throws IOException {
        int rewritten = 0;
        try (InputStream file = Files.newInputStream(jar);
                JarInputStream in = new JarInputStream(file)) {
            for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                String name = entry.getName();
                if (entry.isDirectory() || !name.endsWith(".class") || name.startsWith("META-INF/")) {
                    continue;
                }
                byte[] bytes = in.readAllBytes();
                if (majorVersion(bytes) < Opcodes.V1_8) {
                    bytes = asJava8(bytes, types);
                    rewritten++;
                }
                Path target = out.resolve(name);
                Files.createDirectories(target.getParent());
                Files.write(target, bytes);
            }
        }
        return rewritten;
    }

    static int majorVersion(byte[] classFile) {
        return (classFile[6] & 0xff) << 8 | classFile[7] & 0xff;
    }

    /** {@code classFile} as a Java 8 class file; {@code types} resolves the common supertypes the frames name. */
    static byte[] asJava8(byte[] classFile, ClassLoader types) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected ClassLoader getClassLoader() {
                return types;
            }
        };
        ClassVisitor version = new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(int v, int access, String name, String signature, String superName, String[] interfaces) {
                super.visit(Opcodes.V1_8, access, name, signature, superName, interfaces);
            }
        };
        new ClassReader(classFile).accept(version, ClassReader.SKIP_FRAMES);
        return writer.toByteArray();
    }
}
