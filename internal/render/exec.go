package render

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"text/template/parse"
)

// This file runs a page template faster than html/template does, with
// the same output. After html/template has escaped a page's templates
// (on their first execution), every action ends in its escapers, such as
// {{.URL | _html_template_urlfilter | _html_template_urlnormalizer |
// _html_template_attrescaper}}. text/template runs each of those
// functions, and each method and builtin, through reflect.Value.Call, and
// finds every field by its name on every page: on a pearl page those were
// two thirds of the execution. A program here is the same escaped trees
// made into closures once: fields are found by an index kept per type,
// the escapers and the builtins the theme uses are plain Go calls, and
// only the theme's methods and functions still go through reflect.
//
// It does what text/template does for the values pages hold; whatever
// else it meets (a map, a value of a type an escaper is not written for
// here, an error, a panic) stops it with errSlow, and the page is run by
// html/template from the start, which gives the same output or the error
// as html/template words it. A template it cannot compile (a construct
// or function not handled here) has no program and is always run by
// html/template.

// errSlow stops a program: the page is to be run by html/template.
var errSlow = errors.New("render: run the page with html/template")

// program is a compiled page template.
type program struct{ root *compiled }

// compiled is one template of the set, compiled.
type compiled struct{ run node }

// node writes a part of the page with dot as its data.
type node func(s *state, dot reflect.Value) error

// state is one execution's: the page being written and the variables.
type state struct {
	w     *bytes.Buffer
	vars  []variable
	depth int
}

type variable struct {
	name string
	v    reflect.Value
}

// maxDepth is how deep templates may call templates before the page is
// left to html/template (whose own limit is far deeper).
const maxDepth = 1000

// execute writes the page for data to w. On errSlow, w holds a part of
// the page to be thrown away.
func (p *program) execute(w *bytes.Buffer, data any) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = errSlow // a theme's method panicked: html/template says how
		}
	}()
	v := reflect.ValueOf(data)
	s := &state{w: w, vars: []variable{{"$", v}}}
	return p.root.run(s, v)
}

// programs holds the programs of executed templates, by set and name; a
// nil *program for one that cannot be compiled.
type programs struct {
	m sync.Map
	// off keeps every template with html/template (for tests).
	off bool
	// slow counts the executions a program left to html/template.
	slow atomic.Int64
}

type programKey struct {
	set  *template.Template
	name string
}

// get is the program of the template name of set, or nil when there is
// none yet or there cannot be one.
func (ps *programs) get(set *template.Template, name string) *program {
	if ps.off {
		return nil
	}
	if p, ok := ps.m.Load(programKey{set, name}); ok {
		return p.(*program)
	}
	return nil
}

// compile makes the program of the template name of set. It must have
// been executed once (by set.ExecuteTemplate, or Execute when name is
// set's own), so that html/template has escaped it.
func (ps *programs) compile(set *template.Template, name string) {
	key := programKey{set, name}
	if _, ok := ps.m.Load(key); ok {
		return
	}
	c := &compiler{set: set, done: map[string]*compiled{}}
	root, err := c.template(name)
	var p *program
	if err == nil {
		p = &program{root: root}
	}
	ps.m.LoadOrStore(key, p)
}

// executeTemplate is set.ExecuteTemplate(name, data) as a string, run
// by its program once there is one.
func (ps *programs) executeTemplate(set *template.Template, name string, data any) (string, error) {
	buf := buffers.Get().(*bytes.Buffer)
	buf.Reset()
	defer buffers.Put(buf)
	if p := ps.get(set, name); p != nil {
		if p.execute(buf, data) == nil {
			return buf.String(), nil
		}
		ps.slow.Add(1)
		buf.Reset()
	}
	if err := set.ExecuteTemplate(buf, name, data); err != nil {
		return "", err
	}
	ps.compile(set, name)
	return buf.String(), nil
}

// compiler makes the closures of one template set.
type compiler struct {
	set  *template.Template
	done map[string]*compiled
}

var errCannot = errors.New("render: template construct not compiled")

func (c *compiler) template(name string) (*compiled, error) {
	if t, ok := c.done[name]; ok {
		return t, nil
	}
	ht := c.set.Lookup(name)
	if ht == nil || ht.Tree == nil || ht.Tree.Root == nil {
		return nil, errCannot
	}
	t := &compiled{}
	c.done[name] = t // before its body: a template may call itself
	run, err := c.list(ht.Tree.Root)
	if err != nil {
		return nil, err
	}
	t.run = run
	return t, nil
}

func (c *compiler) list(l *parse.ListNode) (node, error) {
	if l == nil {
		return func(*state, reflect.Value) error { return nil }, nil
	}
	var nodes []node
	for _, n := range l.Nodes {
		f, err := c.node(n)
		if err != nil {
			return nil, err
		}
		if f != nil {
			nodes = append(nodes, f)
		}
	}
	switch len(nodes) {
	case 0:
		return func(*state, reflect.Value) error { return nil }, nil
	case 1:
		return nodes[0], nil
	}
	return func(s *state, dot reflect.Value) error {
		for _, f := range nodes {
			if err := f(s, dot); err != nil {
				return err
			}
		}
		return nil
	}, nil
}

func (c *compiler) node(n parse.Node) (node, error) {
	switch n := n.(type) {
	case *parse.TextNode:
		text := n.Text
		return func(s *state, _ reflect.Value) error {
			s.w.Write(text)
			return nil
		}, nil
	case *parse.CommentNode:
		return nil, nil
	case *parse.ActionNode:
		return c.action(n)
	case *parse.IfNode:
		return c.ifOrWith(n.Pipe, n.List, n.ElseList, false)
	case *parse.WithNode:
		return c.ifOrWith(n.Pipe, n.List, n.ElseList, true)
	case *parse.RangeNode:
		return c.rangeNode(n)
	case *parse.TemplateNode:
		return c.templateNode(n)
	}
	return nil, errCannot // break, continue
}

// action writes the value of its pipeline, which html/template has
// ended in escapers.
func (c *compiler) action(n *parse.ActionNode) (node, error) {
	p := n.Pipe
	if len(p.Decl) > 0 {
		pipe, err := c.pipeline(p)
		if err != nil {
			return nil, err
		}
		return func(s *state, dot reflect.Value) error {
			_, err := pipe(s, dot)
			return err
		}, nil
	}
	// The escapers at the end of the pipeline, in order.
	first := len(p.Cmds)
	for first > 1 && escaperOf(p.Cmds[first-1]) != nil {
		first--
	}
	if first == len(p.Cmds) {
		return nil, errCannot // not escaped: never written unescaped
	}
	var escs []escaper
	for _, cmd := range p.Cmds[first:] {
		escs = append(escs, escaperOf(cmd))
	}
	// passHTML: the escaper writes HTML as it is, as the one of text
	// between tags does.
	passHTML := len(p.Cmds) == first+1 && p.Cmds[first].Args[0].(*parse.IdentifierNode).Ident == "_html_template_htmlescaper"
	head, err := c.commands(p.Cmds[:first])
	if err != nil {
		return nil, err
	}
	return func(s *state, dot reflect.Value) error {
		v, err := head(s, dot)
		if err != nil {
			return err
		}
		if st := asStreamed(v); st != nil {
			if passHTML {
				st.writeHTML(s.w)
				return nil
			}
			v = reflect.ValueOf(st.html())
		}
		str, ct, ok := stringify(v)
		if !ok {
			return errSlow
		}
		for _, e := range escs {
			if str, ok = e(str, ct); !ok {
				return errSlow
			}
			ct = plainText
		}
		s.w.WriteString(str)
		return nil
	}, nil
}

// pipe evaluates a pipeline to its value.
type pipe func(s *state, dot reflect.Value) (reflect.Value, error)

// pipeline compiles a pipeline with its declarations.
func (c *compiler) pipeline(p *parse.PipeNode) (pipe, error) {
	if p == nil {
		return nil, errCannot
	}
	run, err := c.commands(p.Cmds)
	if err != nil {
		return nil, err
	}
	if len(p.Decl) == 0 {
		return run, nil
	}
	names := make([]string, len(p.Decl))
	for i, d := range p.Decl {
		if len(d.Ident) != 1 {
			return nil, errCannot
		}
		names[i] = d.Ident[0]
	}
	assign := p.IsAssign
	return func(s *state, dot reflect.Value) (reflect.Value, error) {
		v, err := run(s, dot)
		if err != nil {
			return v, err
		}
		for _, name := range names {
			if assign {
				if !s.set(name, v) {
					return v, errSlow
				}
			} else {
				s.vars = append(s.vars, variable{name, v})
			}
		}
		return v, nil
	}, nil
}

// commands runs the commands of a pipeline, each one's value the next
// one's last argument.
func (c *compiler) commands(cmds []*parse.CommandNode) (pipe, error) {
	if len(cmds) == 0 {
		return nil, errCannot
	}
	fs := make([]command, len(cmds))
	for i, cmd := range cmds {
		f, err := c.command(cmd)
		if err != nil {
			return nil, err
		}
		fs[i] = f
	}
	return func(s *state, dot reflect.Value) (reflect.Value, error) {
		var v reflect.Value
		has := false
		for _, f := range fs {
			var err error
			if has {
				v = settle(v) // the next command's argument
			}
			if v, err = f(s, dot, v, has); err != nil {
				return v, err
			}
			has = true
			// As text/template: a value of type interface{} is what it
			// holds.
			if v.Kind() == reflect.Interface && v.Type().NumMethod() == 0 {
				v = reflect.ValueOf(v.Interface())
			}
		}
		return v, nil
	}, nil
}

// command evaluates one command; final is the previous command's value
// when has.
type command func(s *state, dot, final reflect.Value, has bool) (reflect.Value, error)

func (c *compiler) command(cmd *parse.CommandNode) (command, error) {
	if len(cmd.Args) == 0 {
		return nil, errCannot
	}
	args := cmd.Args[1:]
	switch n := cmd.Args[0].(type) {
	case *parse.FieldNode:
		return c.chain(n.Ident, args, func(_ *state, dot reflect.Value) (reflect.Value, error) { return dot, nil })
	case *parse.VariableNode:
		name := n.Ident[0]
		get := func(s *state, _ reflect.Value) (reflect.Value, error) { return s.get(name) }
		if len(n.Ident) == 1 {
			return noArgs(args, get)
		}
		return c.chain(n.Ident[1:], args, get)
	case *parse.IdentifierNode:
		return c.function(n.Ident, args)
	case *parse.PipeNode:
		p, err := c.pipeline(n)
		if err != nil {
			return nil, err
		}
		return noArgs(args, p)
	case *parse.DotNode:
		return noArgs(args, func(_ *state, dot reflect.Value) (reflect.Value, error) { return dot, nil })
	case *parse.StringNode:
		v := reflect.ValueOf(n.Text)
		return noArgs(args, func(*state, reflect.Value) (reflect.Value, error) { return v, nil })
	case *parse.BoolNode:
		v := reflect.ValueOf(n.True)
		return noArgs(args, func(*state, reflect.Value) (reflect.Value, error) { return v, nil })
	case *parse.NumberNode:
		v, ok := ideal(n)
		if !ok {
			return nil, errCannot
		}
		return noArgs(args, func(*state, reflect.Value) (reflect.Value, error) { return v, nil })
	}
	return nil, errCannot // chains, nil
}

// noArgs is a command that is a value, not a function: it takes no
// arguments, not even the previous command's value.
func noArgs(args []parse.Node, p pipe) (command, error) {
	if len(args) > 0 {
		return nil, errCannot
	}
	return func(s *state, dot, _ reflect.Value, has bool) (reflect.Value, error) {
		if has {
			return reflect.Value{}, errSlow
		}
		return p(s, dot)
	}, nil
}

// ideal is a number constant's value as text/template gives it to an
// argument of type interface{}, for the numbers compiled here (ints).
func ideal(n *parse.NumberNode) (reflect.Value, bool) {
	if n.IsComplex || n.IsFloat && strings.ContainsAny(n.Text, ".eEpP") || !n.IsInt || int64(int(n.Int64)) != n.Int64 {
		return reflect.Value{}, false
	}
	return reflect.ValueOf(int(n.Int64)), true
}

func (s *state) get(name string) (reflect.Value, error) {
	for i := len(s.vars) - 1; i >= 0; i-- {
		if s.vars[i].name == name {
			return s.vars[i].v, nil
		}
	}
	return reflect.Value{}, errSlow
}

func (s *state) set(name string, v reflect.Value) bool {
	for i := len(s.vars) - 1; i >= 0; i-- {
		if s.vars[i].name == name {
			s.vars[i].v = v
			return true
		}
	}
	return false
}

// chain evaluates .A.B.C on the value of start; the last may be a method
// given args and the final value.
func (c *compiler) chain(idents []string, args []parse.Node, start pipe) (command, error) {
	refs := make([]*fieldRef, len(idents))
	for i, name := range idents {
		refs[i] = &fieldRef{name: name}
	}
	last := refs[len(refs)-1]
	cargs, err := c.args(args)
	if err != nil {
		return nil, err
	}
	return func(s *state, dot, final reflect.Value, has bool) (reflect.Value, error) {
		v, err := start(s, dot)
		if err != nil {
			return v, err
		}
		for _, r := range refs[:len(refs)-1] {
			if v, err = r.eval(s, dot, v, nil, reflect.Value{}, false); err != nil {
				return v, err
			}
		}
		return last.eval(s, dot, v, cargs, final, has)
	}, nil
}

// fieldRef is one name of a chain, with where it was found by the type
// of receiver.
type fieldRef struct {
	name string
	// first is where the name is in the first receiver type seen, the
	// only one almost every name of a theme meets: comparing two types
	// is cheaper than hashing them into cache, which at 100,000 pearls
	// cost 0.47 s of a build's CPU time (23 times that at 10,000, as the
	// caches the heap's growth pushes out).
	first atomic.Pointer[typeFound]
	cache sync.Map // typeKey -> found, for the other types
}

// typeKey is a receiver's pointer type and its indirected type.
type typeKey struct{ pt, rt reflect.Type }

// typeFound is where a name is for one typeKey.
type typeFound struct {
	typeKey
	found
}

// found is what a name is in a type: a method of the pointer type (or of
// the interface), or a field's index; stream is the method's streamed
// form, if it has one (see streams).
type found struct {
	method   int
	field    []int
	exported bool
	stream   func(recv reflect.Value) reflect.Value
}

// eval is text/template's evalField for the values compiled here.
func (r *fieldRef) eval(s *state, dot, recv reflect.Value, args []arg, final reflect.Value, has bool) (reflect.Value, error) {
	if !recv.IsValid() {
		return recv, errSlow
	}
	recv, isNil := indirect(recv)
	if recv.Kind() == reflect.Interface && isNil {
		return recv, errSlow
	}
	ptr := recv
	if ptr.Kind() != reflect.Interface && ptr.Kind() != reflect.Pointer && ptr.CanAddr() {
		ptr = ptr.Addr()
	}
	f := r.lookup(ptr.Type(), recv)
	if f.stream != nil {
		return call(s, dot, f.stream(ptr), args, final, has)
	}
	if f.method >= 0 {
		return call(s, dot, ptr.Method(f.method), args, final, has)
	}
	if f.field == nil || !f.exported || len(args) > 0 || has || isNil {
		return recv, errSlow
	}
	v, err := recv.FieldByIndexErr(f.field)
	if err != nil {
		return v, errSlow // through a nil embedded pointer
	}
	return v, nil
}

// lookup is where r's name is for a receiver of pointer type pt whose
// indirected value is recv.
func (r *fieldRef) lookup(pt reflect.Type, recv reflect.Value) found {
	k := typeKey{pt, recv.Type()}
	first := r.first.Load()
	if first != nil && first.typeKey == k {
		return first.found
	}
	if f, ok := r.cache.Load(k); ok {
		return f.(found)
	}
	f := found{method: -1}
	if m, ok := pt.MethodByName(r.name); ok {
		f.method = m.Index
		f.stream = streams[streamKey{pt, r.name}]
	} else if recv.Kind() == reflect.Struct {
		if sf, ok := recv.Type().FieldByName(r.name); ok {
			f.field, f.exported = sf.Index, sf.IsExported()
		}
	}
	if first == nil && r.first.CompareAndSwap(nil, &typeFound{k, f}) {
		return f
	}
	r.cache.Store(k, f)
	return f
}

// indirect is text/template's: through pointers and interfaces to a
// value, or to the nil one.
func indirect(v reflect.Value) (reflect.Value, bool) {
	for ; v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface; v = v.Elem() {
		if v.IsNil() {
			return v, true
		}
	}
	return v, false
}

// indirectInterface is text/template's: the value an interface holds.
func indirectInterface(v reflect.Value) reflect.Value {
	if v.Kind() != reflect.Interface {
		return v
	}
	if v.IsNil() {
		return reflect.Value{}
	}
	return v.Elem()
}

// A program calls some of the theme's methods in a streamed form (see
// streams), which returns the HTML the method would as a value that an
// action printing it writes into the page itself: a term page's list of
// cards was joined into a string of its own and copied twice, 23 KB
// allocated a page where 1.6 KB are left, and at 100,000 pearls, with a
// live heap ten times larger, the collector's work for each byte
// allocated is several times that at 10,000. Anywhere else, a program
// meets the value as the template.HTML the method returns (settle), so
// that it behaves as with html/template, which calls the method itself.

// streamed is HTML an action writes into the page itself.
type streamed interface {
	writeHTML(w *bytes.Buffer)
	html() template.HTML
}

// streamKey is a method by its receiver's pointer type and name.
type streamKey struct {
	recv reflect.Type
	name string
}

// streams are the methods with a streamed form: given the receiver, the
// form bound to it, a function of the method's parameters that returns a
// streamed value (and an error, when the method does).
var streams = map[streamKey]func(recv reflect.Value) reflect.Value{}

func init() {
	// Here, not in the map's literal: the forms run templates.
	streams[streamKey{reflect.TypeFor[*View](), "PearlCards"}] = func(recv reflect.Value) reflect.Value {
		return reflect.ValueOf(recv.Interface().(*View).pearlCards)
	}
}

// streamedTypes are the types of the streamed values the forms in
// streams return: comparing a type with them is cheaper than asking
// whether it implements streamed.
var streamedTypes = []reflect.Type{reflect.TypeFor[*cardList]()}

// asStreamed is the streamed value v holds, or nil.
func asStreamed(v reflect.Value) streamed {
	if v.Kind() != reflect.Pointer || v.IsNil() {
		return nil
	}
	for _, t := range streamedTypes {
		if v.Type() == t {
			return v.Interface().(streamed)
		}
	}
	return nil
}

// settle is v, or the HTML it stands for when it is a streamed value.
func settle(v reflect.Value) reflect.Value {
	if st := asStreamed(v); st != nil {
		return reflect.ValueOf(st.html())
	}
	return v
}

// arg is a compiled argument of a function or method.
type arg struct {
	node  parse.Node
	value pipe // for dot, fields, variables, pipelines and functions
	// konst is a constant's value as an interface{} parameter gets it,
	// made once, not on every call (a string, a bool, an int).
	konst reflect.Value
}

func (c *compiler) args(nodes []parse.Node) ([]arg, error) {
	out := make([]arg, len(nodes))
	for i, n := range nodes {
		out[i].node = n
		switch n := n.(type) {
		case *parse.DotNode:
			out[i].value = func(_ *state, dot reflect.Value) (reflect.Value, error) { return dot, nil }
		case *parse.FieldNode:
			f, err := c.chain(n.Ident, nil, func(_ *state, dot reflect.Value) (reflect.Value, error) { return dot, nil })
			if err != nil {
				return nil, err
			}
			out[i].value = func(s *state, dot reflect.Value) (reflect.Value, error) { return f(s, dot, reflect.Value{}, false) }
		case *parse.VariableNode:
			f, err := c.command(&parse.CommandNode{NodeType: parse.NodeCommand, Args: []parse.Node{n}})
			if err != nil {
				return nil, err
			}
			out[i].value = func(s *state, dot reflect.Value) (reflect.Value, error) { return f(s, dot, reflect.Value{}, false) }
		case *parse.PipeNode:
			p, err := c.pipeline(n)
			if err != nil {
				return nil, err
			}
			out[i].value = p
		case *parse.IdentifierNode:
			f, err := c.function(n.Ident, nil)
			if err != nil {
				return nil, err
			}
			out[i].value = func(s *state, dot reflect.Value) (reflect.Value, error) { return f(s, dot, reflect.Value{}, false) }
		case *parse.StringNode:
			out[i].konst = reflect.ValueOf(n.Text)
		case *parse.BoolNode:
			out[i].konst = reflect.ValueOf(n.True)
		case *parse.NumberNode:
			v, ok := ideal(n)
			if !ok {
				return nil, errCannot
			}
			out[i].konst = v
		default:
			return nil, errCannot // nil, chains
		}
	}
	return out, nil
}

// any is the argument's value as text/template gives it to a parameter
// of type reflect.Value or interface{} (evalEmptyInterface).
func (a *arg) any(s *state, dot reflect.Value) (reflect.Value, error) {
	if a.value != nil {
		v, err := a.value(s, dot)
		return settle(v), err
	}
	if a.konst.IsValid() {
		return a.konst, nil
	}
	return reflect.Value{}, errSlow
}

// of is the argument's value for a parameter of type typ (evalArg).
func (a *arg) of(s *state, dot reflect.Value, typ reflect.Type) (reflect.Value, error) {
	if a.value != nil {
		v, err := a.value(s, dot)
		if err != nil {
			return v, err
		}
		return validate(v, typ)
	}
	if a.konst.IsValid() && a.konst.Type() == typ {
		return a.konst, nil // a string for a string: most arguments
	}
	switch typ.Kind() {
	case reflect.Interface:
		if typ.NumMethod() == 0 {
			return a.any(s, dot)
		}
	case reflect.String:
		if n, ok := a.node.(*parse.StringNode); ok {
			v := reflect.New(typ).Elem()
			v.SetString(n.Text)
			return v, nil
		}
	case reflect.Bool:
		if n, ok := a.node.(*parse.BoolNode); ok {
			v := reflect.New(typ).Elem()
			v.SetBool(n.True)
			return v, nil
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if n, ok := a.node.(*parse.NumberNode); ok && n.IsInt {
			v := reflect.New(typ).Elem()
			v.SetInt(n.Int64)
			return v, nil
		}
	}
	return reflect.Value{}, errSlow
}

// validate is text/template's validateType, for a typ that is not
// reflect.Value.
func validate(v reflect.Value, typ reflect.Type) (reflect.Value, error) {
	v = settle(v)
	if !v.IsValid() {
		switch typ.Kind() {
		case reflect.Chan, reflect.Func, reflect.Interface, reflect.Map, reflect.Pointer, reflect.Slice:
			return reflect.Zero(typ), nil
		}
		return v, errSlow
	}
	if v.Type().AssignableTo(typ) {
		return v, nil
	}
	if v.Kind() == reflect.Interface && !v.IsNil() {
		v = v.Elem()
		if v.Type().AssignableTo(typ) {
			return v, nil
		}
	}
	switch {
	case v.Kind() == reflect.Pointer && v.Type().Elem().AssignableTo(typ):
		v = v.Elem()
		if !v.IsValid() {
			return v, errSlow
		}
		return v, nil
	case reflect.PointerTo(v.Type()).AssignableTo(typ) && v.CanAddr():
		return v.Addr(), nil
	}
	return v, errSlow
}

var (
	errorType       = reflect.TypeFor[error]()
	reflectValueTyp = reflect.TypeFor[reflect.Value]()
)

// call is text/template's evalCall of a method or a theme function.
func call(s *state, dot, fun reflect.Value, args []arg, final reflect.Value, has bool) (reflect.Value, error) {
	typ := fun.Type()
	numIn := len(args)
	if has {
		numIn++
	}
	numFixed := len(args)
	if typ.IsVariadic() {
		numFixed = typ.NumIn() - 1
		if numIn < numFixed {
			return reflect.Value{}, errSlow
		}
	} else if numIn != typ.NumIn() {
		return reflect.Value{}, errSlow
	}
	if n := typ.NumOut(); n != 1 && (n != 2 || typ.Out(1) != errorType) {
		return reflect.Value{}, errSlow
	}
	var buf [4]reflect.Value
	argv := buf[:0]
	if numIn > len(buf) {
		argv = make([]reflect.Value, 0, numIn)
	}
	i := 0
	for ; i < numFixed && i < len(args); i++ {
		v, err := args[i].of(s, dot, typ.In(i))
		if err != nil {
			return v, err
		}
		argv = append(argv, v)
	}
	if typ.IsVariadic() {
		t := typ.In(typ.NumIn() - 1).Elem()
		for ; i < len(args); i++ {
			v, err := args[i].of(s, dot, t)
			if err != nil {
				return v, err
			}
			argv = append(argv, v)
		}
	}
	if has {
		t := typ.In(typ.NumIn() - 1)
		if typ.IsVariadic() {
			if numIn-1 < numFixed {
				t = typ.In(numIn - 1)
			} else {
				t = t.Elem()
			}
		}
		v, err := validate(final, t)
		if err != nil {
			return v, err
		}
		argv = append(argv, v)
	}
	for _, a := range argv {
		if a.Type() == reflectValueTyp {
			return reflect.Value{}, errSlow
		}
	}
	out := fun.Call(argv)
	if len(out) == 2 && !out[1].IsNil() {
		return reflect.Value{}, errSlow
	}
	v := out[0]
	if v.Type() == reflectValueTyp {
		v = v.Interface().(reflect.Value)
	}
	return v, nil
}

// function compiles a call of a builtin or a theme function.
func (c *compiler) function(name string, nodes []parse.Node) (command, error) {
	if escaperNames[name] != nil {
		return nil, errCannot // an escaper anywhere but at the end
	}
	args, err := c.args(nodes)
	if err != nil {
		return nil, err
	}
	// values are the arguments as a builtin gets them: the final value
	// last.
	values := func(s *state, dot, final reflect.Value, has bool) ([]reflect.Value, error) {
		out := make([]reflect.Value, 0, len(args)+1)
		for i := range args {
			v, err := args[i].any(s, dot)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		if has {
			out = append(out, final)
		}
		return out, nil
	}
	switch name {
	case "not":
		return func(s *state, dot, final reflect.Value, has bool) (reflect.Value, error) {
			vs, err := values(s, dot, final, has)
			if err != nil || len(vs) != 1 {
				return reflect.Value{}, errSlow
			}
			return reflect.ValueOf(!truth(vs[0])), nil
		}, nil
	case "and", "or":
		or := name == "or"
		return func(s *state, dot, final reflect.Value, has bool) (reflect.Value, error) {
			if len(args) == 0 {
				return reflect.Value{}, errSlow
			}
			var v reflect.Value
			for i := range args {
				var err error
				if v, err = args[i].any(s, dot); err != nil {
					return v, err
				}
				if truth(v) == or {
					return v, nil
				}
			}
			if has {
				v = final
			}
			return v, nil
		}, nil
	case "eq", "ne":
		ne := name == "ne"
		return func(s *state, dot, final reflect.Value, has bool) (reflect.Value, error) {
			vs, err := values(s, dot, final, has)
			if err != nil || len(vs) < 2 || ne && len(vs) != 2 {
				return reflect.Value{}, errSlow
			}
			a := indirectInterface(vs[0])
			for _, b := range vs[1:] {
				eq, ok := equal(a, indirectInterface(b))
				if !ok {
					return reflect.Value{}, errSlow
				}
				if eq {
					return reflect.ValueOf(!ne), nil
				}
			}
			return reflect.ValueOf(ne), nil
		}, nil
	case "lt", "le", "gt", "ge":
		op := name
		return func(s *state, dot, final reflect.Value, has bool) (reflect.Value, error) {
			vs, err := values(s, dot, final, has)
			if err != nil || len(vs) != 2 {
				return reflect.Value{}, errSlow
			}
			c, ok := compare(indirectInterface(vs[0]), indirectInterface(vs[1]))
			if !ok {
				return reflect.Value{}, errSlow
			}
			switch op {
			case "lt":
				return reflect.ValueOf(c < 0), nil
			case "le":
				return reflect.ValueOf(c <= 0), nil
			case "gt":
				return reflect.ValueOf(c > 0), nil
			}
			return reflect.ValueOf(c >= 0), nil
		}, nil
	case "len":
		return func(s *state, dot, final reflect.Value, has bool) (reflect.Value, error) {
			vs, err := values(s, dot, final, has)
			if err != nil || len(vs) != 1 {
				return reflect.Value{}, errSlow
			}
			v, isNil := indirect(vs[0])
			if isNil {
				return reflect.Value{}, errSlow
			}
			switch v.Kind() {
			case reflect.Array, reflect.Chan, reflect.Map, reflect.Slice, reflect.String:
				return reflect.ValueOf(v.Len()), nil
			}
			return reflect.Value{}, errSlow
		}, nil
	}
	fn, ok := funcs[name]
	if !ok {
		return nil, errCannot // a builtin not compiled here
	}
	fv := reflect.ValueOf(fn)
	return func(s *state, dot, final reflect.Value, has bool) (reflect.Value, error) {
		return call(s, dot, fv, args, final, has)
	}, nil
}

// equal compares two values as text/template's eq does, for strings,
// booleans and integers of the same kind; ok is false for others.
func equal(a, b reflect.Value) (eq, ok bool) {
	if !a.IsValid() || !b.IsValid() {
		return false, false
	}
	switch ka, kb := a.Kind(), b.Kind(); {
	case ka == reflect.String && kb == reflect.String:
		return a.String() == b.String(), true
	case ka == reflect.Bool && kb == reflect.Bool:
		return a.Bool() == b.Bool(), true
	case a.CanInt() && b.CanInt():
		return a.Int() == b.Int(), true
	}
	return false, false
}

// compare orders two values as text/template's lt does, for strings and
// integers of the same kind; ok is false for others.
func compare(a, b reflect.Value) (c int, ok bool) {
	if !a.IsValid() || !b.IsValid() {
		return 0, false
	}
	switch {
	case a.Kind() == reflect.String && b.Kind() == reflect.String:
		return strings.Compare(a.String(), b.String()), true
	case a.CanInt() && b.CanInt():
		x, y := a.Int(), b.Int()
		switch {
		case x < y:
			return -1, true
		case x > y:
			return 1, true
		}
		return 0, true
	}
	return 0, false
}

// truth is text/template's.
func truth(v reflect.Value) bool {
	t, _ := isTrue(indirectInterface(v))
	return t
}

// isTrue is text/template's: whether a value is non-empty; ok is false
// for a kind it cannot tell.
func isTrue(v reflect.Value) (truth, ok bool) {
	if !v.IsValid() {
		return false, true
	}
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() > 0, true
	case reflect.Bool:
		return v.Bool(), true
	case reflect.Complex64, reflect.Complex128:
		return v.Complex() != 0, true
	case reflect.Pointer:
		if st := asStreamed(v); st != nil {
			return st.html() != "", true
		}
		return !v.IsNil(), true
	case reflect.Chan, reflect.Func, reflect.UnsafePointer, reflect.Interface:
		return !v.IsNil(), true
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int() != 0, true
	case reflect.Float32, reflect.Float64:
		return v.Float() != 0, true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return v.Uint() != 0, true
	case reflect.Struct:
		return true, true
	}
	return false, false
}

// ifOrWith is text/template's walkIfOrWith.
func (c *compiler) ifOrWith(p *parse.PipeNode, list, elseList *parse.ListNode, with bool) (node, error) {
	cond, err := c.pipeline(p)
	if err != nil {
		return nil, err
	}
	yes, err := c.list(list)
	if err != nil {
		return nil, err
	}
	var no node
	if elseList != nil {
		if no, err = c.list(elseList); err != nil {
			return nil, err
		}
	}
	return func(s *state, dot reflect.Value) error {
		mark := len(s.vars)
		defer func() { s.vars = s.vars[:mark] }()
		v, err := cond(s, dot)
		if err != nil {
			return err
		}
		t, ok := isTrue(indirectInterface(v))
		if !ok {
			return errSlow
		}
		switch {
		case t && with:
			return yes(s, v)
		case t:
			return yes(s, dot)
		case no != nil:
			return no(s, dot)
		}
		return nil
	}, nil
}

// rangeNode is text/template's walkRange, over slices and arrays.
func (c *compiler) rangeNode(r *parse.RangeNode) (node, error) {
	p := r.Pipe
	if p.IsAssign || len(p.Decl) > 2 {
		return nil, errCannot
	}
	over, err := c.pipeline(p)
	if err != nil {
		return nil, err
	}
	body, err := c.list(r.List)
	if err != nil {
		return nil, err
	}
	var orElse node
	if r.ElseList != nil {
		if orElse, err = c.list(r.ElseList); err != nil {
			return nil, err
		}
	}
	decls := len(p.Decl)
	return func(s *state, dot reflect.Value) error {
		outer := len(s.vars)
		defer func() { s.vars = s.vars[:outer] }()
		v, err := over(s, dot)
		if err != nil {
			return err
		}
		v, _ = indirect(v)
		mark := len(s.vars)
		switch v.Kind() {
		case reflect.Array, reflect.Slice:
			n := v.Len()
			if n == 0 {
				break
			}
			for i := range n {
				elem := v.Index(i)
				if decls > 0 {
					s.vars[mark-1].v = elem
				}
				if decls > 1 {
					s.vars[mark-2].v = reflect.ValueOf(i)
				}
				err := body(s, elem)
				s.vars = s.vars[:mark]
				if err != nil {
					return err
				}
			}
			return nil
		case reflect.Invalid:
		default:
			return errSlow // maps, channels, numbers, functions
		}
		if orElse != nil {
			return orElse(s, dot)
		}
		return nil
	}, nil
}

// templateNode is text/template's walkTemplate.
func (c *compiler) templateNode(n *parse.TemplateNode) (node, error) {
	t, err := c.template(n.Name)
	if err != nil {
		return nil, err
	}
	var arg pipe
	if n.Pipe != nil {
		if arg, err = c.pipeline(n.Pipe); err != nil {
			return nil, err
		}
	}
	return func(s *state, dot reflect.Value) error {
		if arg != nil {
			v, err := arg(s, dot)
			if err != nil {
				return err
			}
			dot = v
		} else {
			dot = reflect.Value{}
		}
		if s.depth == maxDepth {
			return errSlow
		}
		vars := s.vars
		s.vars = []variable{{"$", dot}}
		s.depth++
		err := t.run(s, dot)
		s.depth--
		s.vars = vars
		return err
	}, nil
}

// contentType is the kind of text a value given to an escaper is.
type contentType int

const (
	plainText contentType = iota
	htmlText
	urlText
	jsText
)

// stringify is html/template's, for the values a page writes: strings,
// the content types template.HTML, URL and JS, integers and booleans.
func stringify(v reflect.Value) (string, contentType, bool) {
	if !v.IsValid() {
		return "", plainText, false
	}
	switch v.Type() {
	case stringType:
		return v.String(), plainText, true
	case htmlType:
		return v.String(), htmlText, true
	case urlType:
		return v.String(), urlText, true
	case jsType:
		return v.String(), jsText, true
	case intType:
		return strconv.FormatInt(v.Int(), 10), plainText, true
	case boolType:
		return strconv.FormatBool(v.Bool()), plainText, true
	}
	return "", plainText, false
}

var (
	stringType = reflect.TypeFor[string]()
	htmlType   = reflect.TypeFor[template.HTML]()
	urlType    = reflect.TypeFor[template.URL]()
	jsType     = reflect.TypeFor[template.JS]()
	intType    = reflect.TypeFor[int]()
	boolType   = reflect.TypeFor[bool]()
)

// escaper is one of html/template's escapers for the content types
// stringify gives; ok is false for a combination it does not handle.
type escaper func(s string, ct contentType) (out string, ok bool)

var escaperNames = map[string]escaper{
	"_html_template_htmlescaper": func(s string, ct contentType) (string, bool) {
		switch ct {
		case htmlText:
			return s, true
		case plainText:
			return replace(s, &htmlTable), true
		}
		return "", false
	},
	"_html_template_attrescaper": func(s string, ct contentType) (string, bool) {
		if ct == plainText {
			return replace(s, &htmlTable), true
		}
		return "", false // template.HTML has its tags stripped: left to html/template
	},
	"_html_template_rcdataescaper": func(s string, ct contentType) (string, bool) {
		switch ct {
		case htmlText:
			return replace(s, &htmlNormTable), true
		case plainText:
			return replace(s, &htmlTable), true
		}
		return "", false
	},
	"_html_template_urlfilter": func(s string, ct contentType) (string, bool) {
		switch ct {
		case urlText:
			return s, true
		case plainText:
			if !safeURL(s) {
				return "#ZgotmplZ", true
			}
			return s, true
		}
		return "", false
	},
	"_html_template_urlnormalizer": func(s string, ct contentType) (string, bool) {
		if ct == plainText || ct == urlText {
			return processURL(s, true), true
		}
		return "", false
	},
	"_html_template_urlescaper": func(s string, ct contentType) (string, bool) {
		switch ct {
		case urlText:
			return processURL(s, true), true
		case plainText:
			return processURL(s, false), true
		}
		return "", false
	},
	"_html_template_jsvalescaper": func(s string, ct contentType) (string, bool) {
		if ct == jsText {
			return s, true
		}
		return "", false
	},
}

// escaperOf is the escaper a command calls, or nil when it is not a
// lone call of one.
func escaperOf(cmd *parse.CommandNode) escaper {
	if len(cmd.Args) != 1 {
		return nil
	}
	if id, ok := cmd.Args[0].(*parse.IdentifierNode); ok {
		return escaperNames[id.Ident]
	}
	return nil
}

// htmlTable and htmlNormTable are html/template's replacements for text
// and attribute values: every byte they replace is ASCII, so a byte loop
// finds the same ones as its loop over runes.
var htmlTable, htmlNormTable = [64]string{
	0: "\uFFFD", '"': "&#34;", '&': "&amp;", '\'': "&#39;", '+': "&#43;", '<': "&lt;", '>': "&gt;",
}, [64]string{
	0: "\uFFFD", '"': "&#34;", '\'': "&#39;", '+': "&#43;", '<': "&lt;", '>': "&gt;",
}

func replace(s string, table *[64]string) string {
	plain := &htmlPlain
	if table == &htmlNormTable {
		plain = &htmlNormPlain
	}
	return rewrite(s, plain, func(s string, i int) bool { return s[i] >= 64 || table[s[i]] == "" },
		func(b *strings.Builder, c byte) { b.WriteString(table[c]) })
}

// plain tables tell the bytes an escaper always keeps, for the first
// scan of a string, which most strings end without a change.
type plain [256]bool

var htmlPlain, htmlNormPlain, urlPlain, urlNormPlain = plainOf(func(c byte) bool { return c >= 64 || htmlTable[c] == "" }),
	plainOf(func(c byte) bool { return c >= 64 || htmlNormTable[c] == "" }),
	plainOf(func(c byte) bool { return c != '%' && urlKeep(string(c), 0, false) }),
	plainOf(func(c byte) bool { return c != '%' && urlKeep(string(c), 0, true) })

func plainOf(keep func(c byte) bool) (p plain) {
	for c := range p {
		p[c] = keep(byte(c))
	}
	return p
}

// rewrite is s with each byte that keep does not keep written by write,
// or s itself when it keeps every byte. plain are bytes keep keeps.
func rewrite(s string, plain *plain, keep func(s string, i int) bool, write func(b *strings.Builder, c byte)) string {
	i := 0
	for i < len(s) && plain[s[i]] {
		i++
	}
	for i < len(s) && keep(s, i) {
		i++
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	b.WriteString(s[:i])
	for ; i < len(s); i++ {
		if keep(s, i) {
			b.WriteByte(s[i])
		} else {
			write(&b, s[i])
		}
	}
	return b.String()
}

// safeURL is html/template's isSafeURL: a relative URL or one of http,
// https or mailto.
func safeURL(s string) bool {
	if protocol, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(protocol, "/") {
		if !strings.EqualFold(protocol, "http") && !strings.EqualFold(protocol, "https") && !strings.EqualFold(protocol, "mailto") {
			return false
		}
	}
	return true
}

// processURL is html/template's urlNormalizer (norm) and urlEscaper:
// bytes that are not allowed in a URL (not norm: in a part of one) are
// percent-encoded; when norm, valid escapes are kept.
func processURL(s string, norm bool) string {
	plain := &urlPlain
	if norm {
		plain = &urlNormPlain
	}
	return rewrite(s, plain, func(s string, i int) bool { return urlKeep(s, i, norm) },
		func(b *strings.Builder, c byte) { fmt.Fprintf(b, "%%%02x", c) })
}

func urlKeep(s string, i int, norm bool) bool {
	switch c := s[i]; c {
	case '!', '#', '$', '&', '*', '+', ',', '/', ':', ';', '=', '?', '@', '[', ']':
		return norm
	case '-', '.', '_', '~':
		return true
	case '%':
		return norm && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2])
	default:
		return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
