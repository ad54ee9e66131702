#!/usr/bin/env python3
"""Compares the dependencies of two installed POMs of the plugin: the declared ones (each with its version as
written, type, classifier, scope, optional and exclusions) and the ones a consumer resolves (dependency:list
output files). Exits 1 and prints the differences when they are not the same, or when a consumer resolves anything
but the plugin itself: its runtime dependencies are shaded into its jar, so Maven resolves no graph of them; or
when an installed POM has a parent or imports a BOM, which every build that uses the plugin would read with it.

  published-dependencies.py NAME_A POM_A LIST_A NAME_B POM_B LIST_B
  published-dependencies.py --self-test     the comparison itself fails on a POM that lacks one dependency, the
                                            check on a consumer that resolves one besides the plugin, and the
                                            check on a POM that imports a BOM
"""
import sys
import tempfile
import xml.etree.ElementTree as ET

NS = {"m": "http://maven.apache.org/POM/4.0.0"}


def text(element, name, default=""):
    child = element.find("m:" + name, NS)
    return child.text.strip() if child is not None and child.text else default


def declared(pom):
    project = ET.parse(pom).getroot()
    result = []
    for dep in project.findall("m:dependencies/m:dependency", NS):
        exclusions = sorted(text(e, "groupId") + ":" + text(e, "artifactId")
                            for e in dep.findall("m:exclusions/m:exclusion", NS))
        result.append(":".join([text(dep, "groupId"), text(dep, "artifactId"), text(dep, "version"),
                                text(dep, "type", "jar"), text(dep, "classifier"), text(dep, "scope", "compile"),
                                text(dep, "optional", "false")])
                      + (" excluding " + ",".join(exclusions) if exclusions else ""))
    return result


def resolved(listing):
    """The artifacts of a dependency:list output file, sorted, without the module names it may add."""
    with open(listing, encoding="utf-8") as f:
        lines = [line.split(" -- ")[0].strip() for line in f]
    return sorted(line for line in lines if line.count(":") >= 3)


def differences(kind, name_a, a, name_b, b):
    problems = []
    if a != b:
        for item in a:
            if item not in b:
                problems.append(f"{kind}: only {name_a}: {item}")
        for item in b:
            if item not in a:
                problems.append(f"{kind}: only {name_b}: {item}")
        if not problems:
            problems.append(f"{kind}: same entries in another order ({name_a} vs {name_b})")
    return problems


def compare(name_a, pom_a, list_a, name_b, pom_b, list_b):
    deps_a, deps_b = declared(pom_a), declared(pom_b)
    res_a, res_b = resolved(list_a), resolved(list_b)
    if not deps_a or not res_a:
        return [f"nothing to compare in {name_a}'s {pom_a} / {list_a}"]
    return (differences("declared", name_a, deps_a, name_b, deps_b)
            + differences("resolved", name_a, res_a, name_b, res_b))


PLUGIN = "dev.ecrplugin:ecr-maven-plugin:"


def besides_plugin(name, listing):
    """What a consumer resolves besides the plugin itself (dependency:list output file): nothing, when shaded."""
    return [f"resolved: {name}: {item} besides the plugin (its runtime dependencies are shaded into its jar)"
            for item in resolved(listing) if not item.startswith(PLUGIN)]


def read_with_it(name, pom):
    """What Maven reads besides the installed POM to build its model: a parent, BOMs it imports (none wanted)."""
    project = ET.parse(pom).getroot()
    found = [f"{name}: the installed POM has the parent {text(p, 'groupId')}:{text(p, 'artifactId')}"
             for p in project.findall("m:parent", NS)]
    found += [f"{name}: the installed POM imports {text(d, 'groupId')}:{text(d, 'artifactId')} (scope import): give "
              "each dependency its version instead"
              for d in project.findall("m:dependencyManagement/m:dependencies/m:dependency", NS)
              if text(d, "scope") == "import"]
    return found


def self_test():
    pom = """<project xmlns="http://maven.apache.org/POM/4.0.0"><dependencies>{}</dependencies></project>"""
    one = "<dependency><groupId>g</groupId><artifactId>a</artifactId><version>1</version></dependency>"
    two = "<dependency><groupId>g</groupId><artifactId>b</artifactId><version>1</version></dependency>"
    with tempfile.TemporaryDirectory() as d:
        files = {}
        for name, content in {"both.pom": pom.format(one + two), "one.pom": pom.format(one),
                              "both.txt": "   g:a:jar:1:compile\n   g:b:jar:1:compile -- module b\n",
                              "one.txt": "   g:a:jar:1:compile\n",
                              "plugin.txt": f"   {PLUGIN}jar:1:compile -- module ecr.maven.plugin (auto)\n"}.items():
            files[name] = f"{d}/{name}"
            with open(files[name], "w", encoding="utf-8") as f:
                f.write(content)
        same = compare("A", files["both.pom"], files["both.txt"], "B", files["both.pom"], files["both.txt"])
        lacking = compare("A", files["both.pom"], files["both.txt"], "B", files["one.pom"], files["one.txt"])
        alone = besides_plugin("A", files["plugin.txt"])
        more = besides_plugin("A", files["one.txt"])
        bom = f"{d}/bom.pom"
        with open(bom, "w", encoding="utf-8") as f:
            f.write(pom.replace("<dependencies>", "<dependencyManagement><dependencies><dependency><groupId>g</groupId>"
                                "<artifactId>bom</artifactId><version>1</version><type>pom</type><scope>import</scope>"
                                "</dependency></dependencies></dependencyManagement><dependencies>", 1).format(one))
        imports = read_with_it("A", bom)
        plain = read_with_it("A", files["both.pom"])
    assert same == [], same
    assert alone == [], alone
    assert more == ["resolved: A: g:a:jar:1:compile besides the plugin (its runtime dependencies are shaded into its "
                    "jar)"], more
    assert plain == [], plain
    assert imports == ["A: the installed POM imports g:bom (scope import): give each dependency its version instead"], \
        imports
    assert lacking == ["declared: only A: g:b:1:jar::compile:false", "resolved: only A: g:b:jar:1:compile"], lacking
    print("published-dependencies.py self-test: a missing dependency is reported (declared and resolved), one "
          "resolved besides the plugin, and an imported BOM")


def main(args):
    if args == ["--self-test"]:
        self_test()
        return 0
    if len(args) != 6:
        print(__doc__, file=sys.stderr)
        return 2
    name_a, pom_a, list_a, name_b, pom_b, list_b = args
    problems = (compare(name_a, pom_a, list_a, name_b, pom_b, list_b)
                + besides_plugin(name_a, list_a) + besides_plugin(name_b, list_b)
                + read_with_it(name_a, pom_a) + read_with_it(name_b, pom_b))
    for problem in problems:
        print(problem)
    if problems:
        print(f"The POMs that {name_a} and {name_b} install list different dependencies ({pom_a}, {pom_b})")
        return 1
    print(f"{name_a} and {name_b} install POMs with the same {len(declared(pom_a))} declared and "
          f"{len(resolved(list_a))} resolved dependencies")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
