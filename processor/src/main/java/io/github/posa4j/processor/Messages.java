package io.github.posa4j.processor;

/**
 * Every diagnostic text of the processor, in one place. Each says what is wrong and how to fix it.
 */
final class Messages {
  private Messages() {}

  /** "a class", "an enum", ... for messages about where an annotation was put. */
  static String kindOf(javax.lang.model.element.ElementKind kind) {
    switch (kind) {
      case CLASS:
        return "a class";
      case INTERFACE:
        return "an interface";
      case ENUM:
        return "an enum";
      case RECORD:
        return "a record";
      case ANNOTATION_TYPE:
        return "an annotation type";
      default:
        return kind.toString().toLowerCase(java.util.Locale.ROOT);
    }
  }

  static String notOnInterface(String annotation, String kind, String fix) {
    return "@" + annotation + " applies to interfaces only, not to " + kind + "; " + fix;
  }

  static String privateInterface(String annotation, String generatedKind) {
    return "@" + annotation + " cannot generate a " + generatedKind + " for a private interface: the " + generatedKind
        + " is a top-level class in the same package; make the interface package-private or public";
  }

  static String insidePrivateType(String annotation, String generatedKind, String privateType) {
    return "@" + annotation + " cannot generate a " + generatedKind + " for an interface inside the private type "
        + privateType + ": the " + generatedKind + " is a top-level class in the same package and could not reach it;"
        + " make " + privateType + " package-private or public";
  }

  static String sealedInterface(String annotation, String generatedKind) {
    return "@" + annotation + " cannot implement a sealed interface: the generated " + generatedKind
        + " is not among its permitted subtypes; remove 'sealed' or do not annotate this interface";
  }

  static String generatedNameClash(String generatedName, String annotation) {
    return "@" + annotation + " would generate " + generatedName + ", but a type of that name already"
        + " exists; rename that type or this one";
  }

  static String internalError(String annotation, String type, Throwable error) {
    return "posa4j internal error while processing @" + annotation + " on " + type + ": " + error
        + "; please report it with this source at https://github.com/posa4j/posa4j/issues";
  }

  static String unresolvedType(String annotation, String type, String missing) {
    return "@" + annotation + " on " + type + " cannot be processed: it refers to " + missing + ", which no source"
        + " or class defines and no annotation processor generated; import or declare " + missing
        + ", or add the processor that generates it";
  }

  static String resilienceOnFinalClass(String annotation) {
    return "@" + annotation + " needs a subclass to apply it, but this class is final; remove 'final'"
        + " or move the annotation to an interface the class implements";
  }

  static String resilienceOnMethodWith(String annotation, String modifier) {
    return "@" + annotation + " cannot apply to a " + modifier + " method: the generated decorator"
        + " overrides it; remove '" + modifier + "' or the annotation";
  }

  static String resilienceOnInnerClass() {
    return "resilience annotations need a decorator class that can call this class's constructors;"
        + " make this nested class static";
  }

  static String resilienceOnPrivateType() {
    return "resilience annotations cannot apply to a private type: the decorator is a separate class"
        + " in the same package; make the type package-private or public";
  }

  static String resilienceWithoutConstructor() {
    return "resilience annotations need a decorator subclass, but every constructor of this class is"
        + " private; add a constructor that is at least package-private";
  }

  static String invalidAttribute(String annotation, String attribute, Object value, String rule) {
    return "@" + annotation + "(" + attribute + " = " + value + "): " + rule;
  }

  static String leaderOnlyWithoutElection() {
    return "@LeaderOnly needs the name of an election, e.g. @LeaderOnly(\"billing\")";
  }

  static String fallbackBothOrNeither(boolean both) {
    return both
        ? "@Fallback gives both a handler class (value) and a fallbackMethod; keep one of them"
        : "@Fallback needs either a handler class (value) or a fallbackMethod; give one of them";
  }

  static String fallbackMethodMissing(String name, String signature) {
    return "@Fallback(fallbackMethod = \"" + name + "\"): no method " + signature
        + " in this class; declare it with the same parameter types and a compatible return type";
  }

  static String fallbackMethodWrongReturn(String name, String expected, String actual) {
    return "@Fallback(fallbackMethod = \"" + name + "\") returns " + actual
        + ", which is not assignable to " + expected + "; change its return type";
  }

  static String fallbackMethodPrivate(String name) {
    return "@Fallback(fallbackMethod = \"" + name + "\") is private, so the generated decorator cannot"
        + " call it; make it package-private, protected or public";
  }

  static String asyncReturnType(String type) {
    return "a method under resilience annotations that returns " + type + " must return CompletionStage"
        + " or CompletableFuture, whose semantics posa4j implements; return one of those";
  }

  static String refusedReturnType(String annotation, String returnType, String refused, boolean isRefusedType) {
    String why = refused.equals(RefusedReturnTypes.FUTURE)
        ? "a Future that is not a CompletionStage tells its outcome only to a caller blocking in get(), so the"
            + " policies would judge the call that hands it out, not the work's outcome"
        : "that type is lazy (the call only assembles it; nothing runs until it is subscribed to), so the"
            + " policies would judge the assembly, not the work's outcome";
    return "@" + annotation + " cannot protect a method returning " + returnType
        + (isRefusedType ? "" : " (a " + refused + ")") + ": " + why
        + "; return CompletionStage or CompletableFuture (converting it), or the plain value";
  }

  static String resilienceOnAbstractClass() {
    return "resilience annotations need a concrete class: the generated decorator subclasses it and"
        + " must be instantiable; make the class non-abstract, or annotate an interface instead";
  }

  static String activeObjectNotOnClass(String kind) {
    return "@ActiveObject applies to classes only, not to " + kind + "; write a class whose public methods"
        + " the active object should offer and annotate that class";
  }

  static String activeObjectOnAbstractClass() {
    return "@ActiveObject needs a concrete servant class: start(servant) takes an instance of it; remove"
        + " 'abstract', or annotate a concrete subclass instead";
  }

  static String activeObjectOnFinalClass() {
    return "@ActiveObject servants must not be final, so that posa4j may subclass the servant in generated"
        + " code without breaking existing servants; remove 'final'";
  }

  static String activeObjectOnPrivateClass() {
    return "@ActiveObject cannot serve a private class: the generated active object is a separate class in"
        + " the same package; make the class (and the classes enclosing it) package-private or public";
  }

  static String activeObjectWithoutPublicMethods() {
    return "@ActiveObject class has no public instance method, so its active object would offer nothing;"
        + " make public the methods callers should reach through the active object";
  }

  static String servantMethodNamedLikeLifecycle(String name) {
    return "a public servant method named '" + name + "' would clash with " + name + "() of the generated"
        + " active object, which manages its lifecycle; rename the method or make it non-public";
  }

  static String guardOutsideActiveObject(String type) {
    return "@Guard only has effect on methods of an @ActiveObject class; annotate " + type
        + " with @ActiveObject or remove @Guard";
  }

  static String guardOnStaticMethod() {
    return "@Guard cannot apply to a static method: only public instance methods become method requests;"
        + " make the method an instance method or remove @Guard";
  }

  static String guardOnNonPublicMethod() {
    return "@Guard has no effect here: only public instance methods become method requests; make the"
        + " method public or remove @Guard";
  }

  static String guardMissing(String name, String type) {
    return "@Guard(\"" + name + "\"): " + type + " has no method " + name + "(); declare"
        + " 'boolean " + name + "()' in the servant, or name an existing one";
  }

  static String guardWithParameters(String name) {
    return "@Guard(\"" + name + "\") names a method with parameters, but the scheduler calls the guard"
        + " without arguments; declare 'boolean " + name + "()' with no parameters";
  }

  static String guardNotBoolean(String name, String returnType) {
    return "@Guard(\"" + name + "\") names a method returning " + returnType + "; the guard must return"
        + " boolean (true when the request may run)";
  }

  static String guardStatic(String name) {
    return "@Guard(\"" + name + "\") names a static method; a guard is a condition of the servant's state,"
        + " so make " + name + "() an instance method";
  }

  static String guardPrivate(String name) {
    return "@Guard(\"" + name + "\") names a private method, which the generated active object cannot"
        + " call; make " + name + "() package-private, protected or public";
  }

  static String activeObjectOnInnerClass() {
    return "@ActiveObject needs a static nested class: the generated active object is a top-level class"
        + " that names the servant's type on its own; make this nested class static";
  }

  static String methodTypeParameterHidesClassOne(String method, String name) {
    return "the type parameter " + name + " of " + method + " hides the class's type parameter " + name
        + ", and the generated method request needs both; rename the method's type parameter";
  }

  static String guardThrowsChecked(String name, String exception) {
    return "@Guard(\"" + name + "\") names a method that declares the checked exception " + exception
        + ", which the scheduler cannot pass to anyone; handle it inside " + name + "() or make it unchecked";
  }

  static String servantMethodUsesPrivateType(String method, String type) {
    return "the public servant method " + method + " uses the private type " + type + ", which the generated"
        + " active object cannot name; make " + type + " package-private or public";
  }

  static String guardInaccessible(String name) {
    return "@Guard(\"" + name + "\") names a method of a superclass in another package that is not public,"
        + " which the generated active object cannot call; make " + name + "() public";
  }

  static String publisherWithoutEvents() {
    return "@Publisher interface declares no event methods: every abstract method is an event;"
        + " add one, such as 'void orderPlaced(Order order)'";
  }

  static String eventNotVoid(String event, String returnType) {
    return "event method " + event + " returns " + returnType + ", but events return void: a publisher"
        + " delivers to any number of subscribers and has no single result to return; make it void";
  }

  static String eventTypeParameter(String event, String typeParameter, String listener) {
    return "event method " + event + " declares the type parameter <" + typeParameter + ">, which the"
        + " generated functional interface " + listener + " cannot express (a lambda cannot implement a"
        + " generic method); use a wildcard or the bound instead (List<?> or Number rather than <T>),"
        + " or declare the type parameter on the @Publisher interface";
  }

  static String eventNameReserved(String event) {
    return "event method " + event + " has the name of a method of the generated publisher"
        + " (create, subscribe, close); rename the event";
  }

  static String defaultMethodNameReserved(String method) {
    return "default method " + method + " has the name of a method of the generated publisher"
        + " (create, subscribe, close), which the publisher could not also inherit; rename it";
  }

  static String eventNamesClash(String event, String other, String listener) {
    return "event method " + event + " and " + other + " both become on" + listener.substring(0, listener.length() - "Listener".length())
        + " and " + listener + " in the generated publisher; give each event its own name"
        + " (overloads are not separate events)";
  }

  static String inheritedEvent(String type, String message) {
    return "in inherited " + type + ": " + message;
  }

  /** What posa4j can encode, for messages about a type it cannot. */
  static final String ENCODABLE = "primitives and their boxes, String, enums, records whose components it can encode,"
      + " arrays of these (not of generic types), java.util.List, Set, Map and Optional of these, UUID, BigInteger,"
      + " BigDecimal, Instant, Duration, LocalDate, LocalDateTime and byte[]";

  /**
   * {@code subject} (such as "parameter 'entry' of command post") has a type that cannot be
   * encoded, as {@code unsupported} says; {@code fix} is the advice particular to the subject.
   */
  static String unencodable(String subject, CodecTypes.Unsupported unsupported, String fix) {
    StringBuilder where = new StringBuilder();
    if (!unsupported.path().isEmpty()) {
      where.append(String.join(", ", unsupported.path())).append(": ");
    }
    where.append(unsupported.type());
    if (unsupported.path().isEmpty() && !unsupported.type().equals(unsupported.declared())) {
      where.append(" in ").append(unsupported.declared());
    }
    if (!unsupported.reason().isEmpty()) {
      where.append(" (").append(unsupported.reason()).append(")");
    }
    return subject + " has a type posa4j cannot encode: " + where + "; posa4j encodes " + ENCODABLE + "; " + fix;
  }

  static String codecComponentStep(String component, String record) {
    return "component '" + component + "' of record " + record;
  }

  static String codecWildcard() {
    return "a wildcard: give the exact type";
  }

  static String codecTypeVariable() {
    return "a type variable, unknown when the codecs are generated";
  }

  static String codecRawType() {
    return "a raw type: give its type arguments";
  }

  static String codecGenericArray() {
    return "an array of a generic type: use a List instead";
  }

  static String codecGenericRecord() {
    return "a record with type parameters: declare one whose components have concrete types";
  }

  static String codecPrivateType(boolean isEnum) {
    return "a private " + (isEnum ? "enum" : "record") + ", or one inside a private type, which the generated codecs"
        + " cannot name: make it package-private or public";
  }

  static String codecNotPublicType(boolean isEnum, String packageName) {
    return (isEnum ? "an enum" : "a record") + " that is not public, or inside a type that is not, which the"
        + " generated codecs in package " + packageName + " cannot name: make it public";
  }

  static String commandProcessorNotOnClass(String kind) {
    return "@CommandProcessor applies to classes only, not to " + kind + "; write a class whose public methods are"
        + " the commands (the receiver) and annotate that class";
  }

  static String commandProcessorOnAbstractClass() {
    return "@CommandProcessor needs a concrete receiver class: open(...) and recovery create receivers of it; remove"
        + " 'abstract', or annotate a concrete subclass instead";
  }

  static String commandProcessorOnInnerClass() {
    return "@CommandProcessor needs a static nested class: the generated class is a top-level class that names"
        + " the receiver's type on its own; make this nested class static";
  }

  static String commandProcessorOnPrivateClass() {
    return "@CommandProcessor cannot serve a private class: the generated class is a separate class in the same"
        + " package; make the class (and the classes enclosing it) package-private or public";
  }

  static String commandProcessorOnGenericClass(String typeParameters) {
    return "@CommandProcessor cannot serve a generic class (" + typeParameters + "): the journal must know the"
        + " exact type of every argument to encode it; remove the type parameters, or annotate a subclass that"
        + " fixes them";
  }

  static String commandProcessorWithoutCommands() {
    return "@CommandProcessor class has no command, so its processor would have nothing to run or journal: every"
        + " public instance method not marked @ReadOnly is a command; make public the methods that change the"
        + " receiver";
  }

  static String receiverMethodNamedLikeEntryPoint(String name, String generated) {
    return "a public receiver method named '" + name + "' would clash with " + name + "() of the generated "
        + generated + "; rename the method or make it non-public";
  }

  static String overloadedCommand(String name) {
    return "command " + name + " is overloaded: the journal records a command by its name, which must name one"
        + " method; give each overload its own name";
  }

  static String genericCommand(String name, String typeParameters) {
    return "command " + name + " declares the type parameters " + typeParameters + ", whose arguments the"
        + " journal could not encode or decode; use concrete types, or mark the method @ReadOnly if it changes"
        + " nothing";
  }

  static String commandReturnsFuture(String kind, String name, String type) {
    return kind + " " + name + " returns " + type + ", but the processor runs it synchronously on its thread and"
        + " takes what it returns as its result: an asynchronous result would escape the order of the commands"
        + " and, for a command, the journal; return the value itself (the generated method already returns a"
        + " CompletableFuture of it)";
  }

  static String commandParameterSubject(String parameter, String command) {
    return "parameter '" + parameter + "' of command " + command;
  }

  static String commandResultSubject(String command) {
    return "the result of command " + command;
  }

  static String commandCodecFix() {
    return "change it to one of these types (a record of them for your own data), or mark the method @ReadOnly if"
        + " it changes nothing";
  }

  static String snapshotStateSubject(String receiver) {
    return "the state that " + receiver + " writes as a Snapshottable";
  }

  static String snapshotCodecFix() {
    return "make snapshot() return one of these types (a record of them, usually)";
  }

  static String snapshotWithoutRestoringConstructor(String receiver, String state) {
    return receiver + " implements Snapshottable<" + state + "> but has no public constructor " + receiver + "("
        + state + "), which recovery calls to rebuild the receiver from its newest snapshot; add 'public "
        + receiver + "(" + state + " state)'";
  }

  static String readOnlyUsesPrivateType(String method, String type) {
    return "the public read-only method " + method + " uses the private type " + type + ", which the generated"
        + " class cannot name; make " + type + " package-private or public";
  }

  static String undoOutsideCommandProcessor(String annotation, String type) {
    return "@" + annotation + " only has effect on methods of a @CommandProcessor class; annotate " + type
        + " with @CommandProcessor or remove @" + annotation;
  }

  static String commandAnnotationOnNonCommand(String annotation, boolean isStatic) {
    return (isStatic ? "@" + annotation + " cannot apply to a static method" : "@" + annotation + " has no effect here")
        + ": only public instance methods run through the command processor; make the method "
        + (isStatic ? "a public instance method" : "public") + " or remove @" + annotation;
  }

  static String undoOnReadOnly() {
    return "@Undo on a @ReadOnly method: a read-only method changes nothing, so there is nothing to undo; remove"
        + " @Undo, or remove @ReadOnly if the method changes the receiver";
  }

  static String undoMissing(String name, String receiver, String expected) {
    return "@Undo(\"" + name + "\"): " + receiver + " has no method " + name + "; declare " + expected
        + " in the receiver, or name an existing method";
  }

  static String undoWrongParameters(String name, String expected) {
    return "@Undo(\"" + name + "\") names a method whose parameters do not fit the command: an inverse takes the"
        + " command's parameters, optionally followed by one of its result type, which receives the result; declare "
        + expected;
  }

  static String undoNotVoid(String name, String returnType) {
    return "@Undo(\"" + name + "\") names a method returning " + returnType + ", but nothing would receive what an"
        + " inverse returns; make " + name + " return void";
  }

  static String undoStatic(String name) {
    return "@Undo(\"" + name + "\") names a static method; an inverse reverts a change of the receiver, so make "
        + name + " an instance method";
  }

  static String undoPrivate(String name) {
    return "@Undo(\"" + name + "\") names a private method, which the generated class cannot call; make " + name
        + " package-private (then only undo calls it)";
  }

  static String undoInaccessible(String name) {
    return "@Undo(\"" + name + "\") names a method of a superclass in another package that is not public, which the"
        + " generated class cannot call; make " + name + " public";
  }

  /** "'void unpost(String, long)' or 'void unpost(String, long, long)'". */
  static String inverseSignatures(String name, java.util.List<String> parameters, String result) {
    String own = "'void " + name + "(" + String.join(", ", parameters) + ")'";
    if (result == null) {
      return own;
    }
    java.util.List<String> withResult = new java.util.ArrayList<>(parameters);
    withResult.add(result);
    return own + " or 'void " + name + "(" + String.join(", ", withResult) + ")'";
  }
}
