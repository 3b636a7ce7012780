package io.listening.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shared packages never depend on a feature, so features can depend on them without a cycle:
 * {@code system} (cross-cutting web configuration and error mapping), {@code base} (the layout, its
 * navigation built from {@code @Menu}, the chart component) and {@code warehouse} (read by every
 * feature). Reads the compiled classes: every class a class file refers to is named in its
 * constant pool, e.g. {@code io/listening/webapp/recommendations/TrackId}.
 */
class PackageDependenciesTest {

  private static final Pattern WEBAPP_PACKAGE = Pattern.compile("io/listening/webapp/([a-z_]+)/");

  @Test
  void systemDependsOnNoFeaturePackage() throws Exception {
    assertThat(webappPackagesReferencedBy("system")).isSubsetOf("system", "warehouse");
  }

  @Test
  void theLayoutAndChartsDependOnNoFeaturePackage() throws Exception {
    assertThat(webappPackagesReferencedBy("base")).containsOnly("base");
  }

  @Test
  void warehouseDependsOnNoOtherWebappPackage() throws Exception {
    assertThat(webappPackagesReferencedBy("warehouse")).containsOnly("warehouse");
  }

  private static Set<String> webappPackagesReferencedBy(String packageName)
      throws IOException, URISyntaxException {
    Path classes =
        Path.of(WebappApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .resolve("io/listening/webapp")
            .resolve(packageName);
    List<Path> classFiles;
    try (Stream<Path> files = Files.walk(classes)) {
      classFiles = files.filter(file -> file.toString().endsWith(".class")).toList();
    }
    assertThat(classFiles).as("class files under %s", classes).isNotEmpty();
    Set<String> packages = new TreeSet<>();
    for (Path classFile : classFiles) {
      // Class names in the constant pool are ASCII here, so a byte-for-char reading finds them.
      String constants = new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1);
      Matcher reference = WEBAPP_PACKAGE.matcher(constants);
      while (reference.find()) {
        packages.add(reference.group(1));
      }
    }
    return packages;
  }
}
