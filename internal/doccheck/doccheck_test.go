// Package doccheck keeps docs/DESIGN.md honest: every code reference the
// walkthrough writes in inline backticks must name something that exists.
//
// What counts as a reference, and how it is checked:
//
//   - a file or directory (`actor/loop.go`, `internal/sim/`): os.Stat from
//     the repository root;
//   - an import path the repository uses (`testing/synctest`);
//   - a qualified name: `pkg.Name`, `pkg.Type.Member`, `Type.Member`,
//     `(*Type).Method`, `(*pkg.Type).Method`, where pkg is one of the
//     repository's packages or a package it imports (the standard library,
//     goleak), found with go/parser, test files included;
//   - a test, example or benchmark name (`TestClusterSurvivesPartition`);
//   - a flag (`-batch`), as registered through the flag package anywhere in
//     the repository;
//   - a make target (`make check`), as a rule in the Makefile;
//   - a bare identifier: an exported one must be declared somewhere (a type,
//     function, field, method, …); a lower-case one must at least occur in
//     the code, as an identifier or a string literal;
//   - inside a span with spaces (a command line), every word that looks like
//     a path or a test name.
//
// Fenced code blocks are not checked: they hold illustrations (the usual 3c
// solution is not rumor's code) and diagrams.
package doccheck

import (
	"bufio"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

const (
	root = "../.."
	doc  = "docs/DESIGN.md"
)

// span is one inline code span of the document.
type span struct {
	line int
	text string
}

var inlineCode = regexp.MustCompile("`([^`\n]+)`")

// spans returns the inline code spans of a Markdown file, skipping fenced
// blocks.
func spans(t *testing.T, path string) []span {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []span
	fenced := false
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.HasPrefix(strings.TrimSpace(line), "```") {
			fenced = !fenced
			continue
		}
		if fenced {
			continue
		}
		for _, m := range inlineCode.FindAllStringSubmatch(line, -1) {
			out = append(out, span{n, strings.TrimSpace(m[1])})
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// pkgIndex is what one package (by name) declares.
type pkgIndex struct {
	decls   map[string]bool            // top-level names
	members map[string]map[string]bool // type name -> fields and methods
}

func newPkgIndex() *pkgIndex {
	return &pkgIndex{decls: map[string]bool{}, members: map[string]map[string]bool{}}
}

func (p *pkgIndex) member(typ, name string) {
	if p.members[typ] == nil {
		p.members[typ] = map[string]bool{}
	}
	p.members[typ][name] = true
}

// add records the declarations of one file.
func (p *pkgIndex) add(f *ast.File) {
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil || len(d.Recv.List) == 0 {
				p.decls[d.Name.Name] = true
				continue
			}
			if typ := typeName(d.Recv.List[0].Type); typ != "" {
				p.member(typ, d.Name.Name)
			}
		case *ast.GenDecl:
			for _, s := range d.Specs {
				switch s := s.(type) {
				case *ast.TypeSpec:
					p.decls[s.Name.Name] = true
					p.typeMembers(s.Name.Name, s.Type)
				case *ast.ValueSpec:
					for _, n := range s.Names {
						p.decls[n.Name] = true
					}
				}
			}
		}
	}
}

func (p *pkgIndex) typeMembers(typ string, expr ast.Expr) {
	switch t := expr.(type) {
	case *ast.StructType:
		for _, f := range t.Fields.List {
			if len(f.Names) == 0 { // embedded
				if n := typeName(f.Type); n != "" {
					p.member(typ, n)
				}
			}
			for _, n := range f.Names {
				p.member(typ, n.Name)
			}
		}
	case *ast.InterfaceType:
		for _, m := range t.Methods.List {
			for _, n := range m.Names {
				p.member(typ, n.Name)
			}
		}
	}
}

// typeName is the bare name of a receiver or embedded type: T, *T, T[X],
// pkg.T.
func typeName(e ast.Expr) string {
	switch t := e.(type) {
	case *ast.Ident:
		return t.Name
	case *ast.StarExpr:
		return typeName(t.X)
	case *ast.IndexExpr:
		return typeName(t.X)
	case *ast.IndexListExpr:
		return typeName(t.X)
	case *ast.SelectorExpr:
		return t.Sel.Name
	}
	return ""
}

// repo is everything the checker knows about the repository.
type repo struct {
	t        *testing.T
	root     string
	pkgs     map[string]*pkgIndex // by package name; same-named packages merge
	idents   map[string]bool      // every identifier that occurs in the code
	strings  map[string]bool      // every string literal's value
	funcs    map[string]bool      // top-level functions, for test names
	flags    map[string]bool
	imports  map[string]string // import name -> path, for packages outside the repository
	paths    map[string]bool   // every import path the repository uses
	targets  map[string]bool   // make targets
	external map[string]*pkgIndex
}

var flagFuncs = map[string]int{ // flag-defining function -> index of its name argument
	"Bool": 0, "Int": 0, "Int64": 0, "Uint": 0, "Uint64": 0, "String": 0, "Float64": 0, "Duration": 0, "Func": 0, "BoolFunc": 0,
	"BoolVar": 1, "IntVar": 1, "Int64Var": 1, "UintVar": 1, "Uint64Var": 1, "StringVar": 1, "Float64Var": 1, "DurationVar": 1, "TextVar": 1, "Var": 1,
}

func loadRepo(t *testing.T, dir string) *repo {
	t.Helper()
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	r := &repo{t: t, root: abs, pkgs: map[string]*pkgIndex{}, idents: map[string]bool{}, strings: map[string]bool{},
		funcs: map[string]bool{}, flags: map[string]bool{}, imports: map[string]string{}, paths: map[string]bool{},
		targets: map[string]bool{}, external: map[string]*pkgIndex{}}
	fset := token.NewFileSet()
	err = filepath.WalkDir(abs, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			// The checker's own directory is skipped: its test cases would
			// otherwise make every made-up name "occur in the code".
			if path != abs && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") ||
				name == "testdata" || name == "bin" || name == "store" || name == "node_modules" ||
				path == filepath.Join(abs, "internal", "doccheck")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, ".go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			// Someone may be half-way through an edit; a reference into this
			// file will then fail on its own.
			t.Logf("skipping %s: %v", path, err)
			return nil
		}
		r.addFile(f)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// Packages of the module are not "outside": drop their import names.
	for name, path := range r.imports {
		if path == "rumor" || strings.HasPrefix(path, "rumor/") {
			delete(r.imports, name)
		}
	}
	r.loadMakefile()
	return r
}

func (r *repo) addFile(f *ast.File) {
	name := f.Name.Name
	if r.pkgs[name] == nil {
		r.pkgs[name] = newPkgIndex()
	}
	r.pkgs[name].add(f)
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil {
			r.funcs[fd.Name.Name] = true
		}
	}
	for _, imp := range f.Imports {
		path, _ := strconv.Unquote(imp.Path.Value)
		r.paths[path] = true
		local := path[strings.LastIndex(path, "/")+1:]
		if strings.HasPrefix(path, "math/rand/") { // math/rand/v2 is package rand
			local = "rand"
		}
		if imp.Name != nil {
			local = imp.Name.Name
		}
		if local != "_" && local != "." {
			r.imports[local] = path
		}
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			r.idents[n.Name] = true
		case *ast.BasicLit:
			if n.Kind == token.STRING {
				if s, err := strconv.Unquote(n.Value); err == nil {
					r.strings[s] = true
				}
			}
		case *ast.CallExpr:
			r.addFlag(n)
		}
		return true
	})
}

// addFlag records the name of a flag defined by call, if it defines one.
func (r *repo) addFlag(call *ast.CallExpr) {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return
	}
	i, ok := flagFuncs[sel.Sel.Name]
	if !ok || len(call.Args) <= i {
		return
	}
	lit, ok := call.Args[i].(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return
	}
	if name, err := strconv.Unquote(lit.Value); err == nil {
		r.flags[name] = true
	}
}

var makeRule = regexp.MustCompile(`^([^\s#.:=][^:=]*):([^=]|$)`)

func (r *repo) loadMakefile() {
	data, err := os.ReadFile(filepath.Join(r.root, "Makefile"))
	if err != nil {
		r.t.Logf("no Makefile: %v", err)
		return
	}
	for line := range strings.Lines(string(data)) {
		if m := makeRule.FindStringSubmatch(line); m != nil {
			for _, target := range strings.Fields(m[1]) {
				r.targets[target] = true
			}
		}
	}
}

// externalPkg indexes a package from outside the repository (the standard
// library, a module dependency), exported declarations only.
func (r *repo) externalPkg(path string) (*pkgIndex, error) {
	if p, ok := r.external[path]; ok {
		return p, nil
	}
	bp, err := build.Import(path, r.root, 0)
	if err != nil {
		return nil, err
	}
	p := newPkgIndex()
	fset := token.NewFileSet()
	for _, name := range bp.GoFiles {
		f, err := parser.ParseFile(fset, filepath.Join(bp.Dir, name), nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		p.add(f)
	}
	r.external[path] = p
	return p, nil
}

var (
	testName     = regexp.MustCompile(`^(Test|Example|Benchmark|Fuzz)\w*$`)
	flagName     = regexp.MustCompile(`^-[a-z][a-z0-9-]*$`)
	pathLike     = regexp.MustCompile(`^[\w.-]+(/[\w.-]+)*/?$`)
	methodExpr   = regexp.MustCompile(`^\(\*?(\w+(?:\.\w+)?)\)\.(\w+)$`)
	dotted       = regexp.MustCompile(`^\w+(\.\w+)+$`)
	identifier   = regexp.MustCompile(`^[A-Za-z_]\w*$`)
	fileSuffixes = []string{".go", ".md", ".mod", ".sum"}
)

func isPath(s string) bool {
	if !pathLike.MatchString(s) || strings.Contains(s, "...") {
		return false
	}
	if strings.Contains(s, "/") {
		return true
	}
	for _, suf := range fileSuffixes {
		if strings.HasSuffix(s, suf) {
			return true
		}
	}
	return false
}

// check returns why s names nothing that exists, or "" when it does. It
// reports whether s was a reference at all, so the test can count them.
func (r *repo) check(s string) (reason string, isRef bool) {
	if strings.ContainsAny(s, " \t") {
		return r.checkCommand(s)
	}
	switch {
	case testName.MatchString(s):
		if !r.funcs[s] {
			return "no such test, example or benchmark function", true
		}
		return "", true
	case flagName.MatchString(s):
		if !r.flags[strings.TrimPrefix(s, "-")] {
			return "no such flag", true
		}
		return "", true
	case r.paths[s]:
		return "", true // an import path the code uses
	case isPath(s):
		if _, err := os.Stat(filepath.Join(r.root, s)); err != nil {
			return "no such file or directory", true
		}
		return "", true
	case methodExpr.MatchString(s):
		m := methodExpr.FindStringSubmatch(s)
		parts := strings.Split(m[1], ".")
		return r.resolve(append(parts, m[2])), true
	case dotted.MatchString(s):
		return r.resolve(strings.Split(s, ".")), true
	case identifier.MatchString(s):
		return r.checkBare(s), true
	}
	return "", false
}

// checkCommand checks the words of a command line that name paths, tests or
// make targets.
func (r *repo) checkCommand(s string) (string, bool) {
	words := strings.Fields(s)
	if words[0] == "make" {
		for _, w := range words[1:] {
			if !strings.Contains(w, "=") && !r.targets[w] {
				return "no make target " + w, true
			}
		}
		return "", true
	}
	ref := false
	for _, w := range words {
		switch {
		case testName.MatchString(w):
			ref = true
			if !r.funcs[w] {
				return "no test function " + w, true
			}
		case isPath(strings.TrimPrefix(w, "./")) && strings.ContainsAny(w, "/"):
			ref = true
			if _, err := os.Stat(filepath.Join(r.root, w)); err != nil {
				return "no such path " + w, true
			}
		case isPath(w):
			ref = true
			if _, err := os.Stat(filepath.Join(r.root, w)); err != nil {
				return "no such file " + w, true
			}
		}
	}
	return "", ref
}

// resolve checks a dotted name: pkg.Name, pkg.Type.Member or Type.Member.
func (r *repo) resolve(parts []string) string {
	if len(parts) < 2 || len(parts) > 3 {
		return "not a name of the form pkg.Name, pkg.Type.Member or Type.Member"
	}
	var pkg *pkgIndex
	if p, ok := r.pkgs[parts[0]]; ok {
		pkg = p
	} else if path, ok := r.imports[parts[0]]; ok {
		p, err := r.externalPkg(path)
		if err != nil {
			return "cannot load package " + path + ": " + err.Error()
		}
		pkg = p
	}
	if pkg != nil {
		if !pkg.decls[parts[1]] {
			return "package " + parts[0] + " declares no " + parts[1]
		}
		if len(parts) == 3 && !pkg.members[parts[1]][parts[2]] {
			return parts[0] + "." + parts[1] + " has no field or method " + parts[2]
		}
		return ""
	}
	if len(parts) != 2 {
		return parts[0] + " is not a package of the repository or one it imports"
	}
	typeFound := false
	for _, p := range r.pkgs {
		if ms, ok := p.members[parts[0]]; ok {
			typeFound = true
			if ms[parts[1]] {
				return ""
			}
		}
	}
	if typeFound {
		return "type " + parts[0] + " has no field or method " + parts[1]
	}
	return parts[0] + " is neither a package nor a type of the repository"
}

// checkBare checks an identifier written alone.
func (r *repo) checkBare(s string) string {
	if ast.IsExported(s) {
		for _, p := range r.pkgs {
			if p.decls[s] {
				return ""
			}
			for _, ms := range p.members {
				if ms[s] {
					return ""
				}
			}
		}
		return "nothing in the repository declares " + s
	}
	if r.idents[s] || r.strings[s] || token.IsKeyword(s) {
		return ""
	}
	return "occurs nowhere in the code"
}

// TestDesignReferencesExist is the check itself.
func TestDesignReferencesExist(t *testing.T) {
	r := loadRepo(t, root)
	refs := 0
	for _, sp := range spans(t, filepath.Join(root, doc)) {
		reason, isRef := r.check(sp.text)
		if isRef {
			refs++
		}
		if reason != "" {
			t.Errorf("%s:%d: `%s`: %s", doc, sp.line, sp.text, reason)
		}
	}
	// A checker that recognises nothing passes everything.
	if refs < 100 {
		t.Errorf("only %d references recognised in %s; has the checker stopped recognising them?", refs, doc)
	}
	t.Logf("%d references checked", refs)
}

// TestCheckerCatchesWrongReferences makes sure the checker can fail: each of
// these names something that does not exist.
func TestCheckerCatchesWrongReferences(t *testing.T) {
	r := loadRepo(t, root)
	for _, s := range []string{
		"actor/nosuch.go",
		"internal/nosuch/",
		"actor.NoSuchThing",
		"actor.Node.NoSuchMethod",
		"(*Loop).NoSuchMethod",
		"(*time.Ticker).NoSuchMethod",
		"Config.NoSuchField",
		"NoSuchType.Field",
		"nosuchpkg.Name",
		"goleak.NoSuchFunction",
		"TestNoSuchTest",
		"ExampleNoSuch",
		"-no-such-flag",
		"make no-such-target",
		"go test -run TestNoSuchTest ./actor/",
		"go test ./no/such/dir/",
		"NoSuchExportedName",
		"nosuchidentifieranywhere",
	} {
		if reason, isRef := r.check(s); reason == "" || !isRef {
			t.Errorf("`%s` passed the check (reference %v); it names nothing", s, isRef)
		}
	}
	for _, s := range []string{
		"actor/loop.go",
		"actor.Node",
		"actor.Config.BatchTicks",
		"(*Node).Step",
		"(*time.Ticker).Stop",
		"Loop.Push",
		"goleak.VerifyTestMain",
		"synctest.Test",
		"testing/synctest",
		"TestClusterSurvivesPartition",
		"-batch",
		"make check",
		"go test -race ./actor/ .",
	} {
		if reason, isRef := r.check(s); reason != "" || !isRef {
			t.Errorf("`%s` failed the check (reference %v): %s", s, isRef, reason)
		}
	}
}
