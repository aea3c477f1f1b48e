package io.github.posa4j.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Writes {@code <Name>Publisher} for a valid {@code @Publisher} interface: a final class that
 * implements the interface by delivering each call to the subscribers of an {@code EventDispatcher},
 * with {@code create}, {@code subscribe}, one {@code on<Event>} per event and its functional
 * listener interface, and the private classes that adapt listeners and queue events.
 */
final class PublisherGenerator {
  private static final String PUBSUB = "io.github.posa4j.pubsub";
  private static final String PUBSUB_INTERNAL = "io.github.posa4j.pubsub.internal";
  private static final ClassName DELIVERY = ClassName.get(PUBSUB, "Delivery");
  private static final ClassName EVENT_DISPATCHER = ClassName.get(PUBSUB_INTERNAL, "EventDispatcher");
  private static final ClassName EVENT_QUEUE = ClassName.get(PUBSUB_INTERNAL, "EventQueue");
  private static final ClassName PUBLISHER_OPTIONS = ClassName.get(PUBSUB, "PublisherOptions");
  private static final ClassName QUEUED_EVENT = ClassName.get(PUBSUB_INTERNAL, "QueuedEvent");
  private static final ClassName REGISTRATION = ClassName.get(PUBSUB_INTERNAL, "Registration");
  private static final ClassName SUBSCRIPTION = ClassName.get(PUBSUB, "Subscription");

  private final Types types;
  private final Elements elements;
  private final TypeElement api;
  private final DeclaredType apiType;
  private final TypeName apiName;
  private final ClassName publisherClass;
  private final List<TypeVariableName> typeVariables = new ArrayList<>();
  private final List<Event> events = new ArrayList<>();
  private final ClassName queueingClass;
  private final ClassName ignoringClass;
  /** Whether the interface extends {@link AutoCloseable}: its nested implementations need a {@code close()}. */
  private final boolean closeable;

  /** One event method and the names of what is generated for it. */
  private static final class Event {
    final ExecutableElement method;
    final ExecutableType resolved;
    final List<String> parameterNames = new ArrayList<>();
    final ClassName listener;
    final ClassName adapter;
    final ClassName queued;

    Event(ExecutableElement method, ExecutableType resolved, ClassName listener, ClassName adapter, ClassName queued) {
      this.method = method;
      this.resolved = resolved;
      this.listener = listener;
      this.adapter = adapter;
      this.queued = queued;
      method.getParameters().forEach(parameter -> parameterNames.add(parameter.getSimpleName().toString()));
    }

    String name() {
      return method.getSimpleName().toString();
    }

    String arguments() {
      return String.join(", ", parameterNames);
    }

    /** {@code field}, or {@code this.field} when a parameter of this event hides it. */
    String field(String field) {
      return parameterNames.contains(field) ? "this." + field : field;
    }
  }

  PublisherGenerator(ProcessingEnvironment environment, PublisherModel model) {
    this.types = environment.getTypeUtils();
    this.elements = environment.getElementUtils();
    this.api = model.api();
    this.apiType = (DeclaredType) api.asType();
    api.getTypeParameters().forEach(parameter -> typeVariables.add(TypeVariableName.get(parameter)));
    this.apiName = TypeName.get(apiType);
    this.publisherClass = model.publisherClass();
    this.closeable = model.closeable();
    Set<String> taken = new HashSet<>(Set.of(publisherClass.simpleName()));
    for (ExecutableElement method : model.events()) {
      taken.add(PublisherModel.listenerName(method)); // public names first: they never get an underscore
    }
    this.queueingClass = publisherClass.nestedClass(GeneratedNames.fresh("Queueing", taken));
    this.ignoringClass = publisherClass.nestedClass(GeneratedNames.fresh("Ignoring", taken));
    for (ExecutableElement method : model.events()) {
      String capitalised = PublisherModel.capitalised(method);
      events.add(new Event(method, (ExecutableType) types.asMemberOf(apiType, method),
          publisherClass.nestedClass(PublisherModel.listenerName(method)),
          publisherClass.nestedClass(GeneratedNames.fresh(capitalised + "Adapter", taken)),
          publisherClass.nestedClass(GeneratedNames.fresh(capitalised + "Event", taken))));
    }
  }

  JavaFile javaFile() {
    TypeName dispatcherType = ParameterizedTypeName.get(EVENT_DISPATCHER, apiName);
    TypeSpec.Builder publisher = GeneratedFiles.classGeneratedFrom(api, publisherClass, elements)
        .addJavadoc(javadoc())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addTypeVariables(typeVariables)
        .addSuperinterface(apiName)
        .addSuperinterface(AutoCloseable.class)
        .avoidClashesWithNestedClasses(api)
        .addField(FieldSpec.builder(dispatcherType, "dispatcher", Modifier.PRIVATE, Modifier.FINAL).build())
        .addMethod(MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PRIVATE)
            .addParameter(PUBLISHER_OPTIONS, "options")
            .addStatement("this.dispatcher = new $T<>($S, options, new $T())", EVENT_DISPATCHER, api.getSimpleName().toString(),
                GeneratedNames.parameterized(ignoringClass, typeVariables))
            .build())
        .addMethod(MethodSpec.methodBuilder("create")
            .addJavadoc("A publisher without subscribers, with the default options: errors of subscribers are logged,\n"
                + "and asynchronous subscribers that name no executor run on the common fork-join pool.\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .addTypeVariables(typeVariables)
            .returns(selfType())
            .addStatement("return new $T($T.defaults())", selfType(), PUBLISHER_OPTIONS)
            .build())
        .addMethod(MethodSpec.methodBuilder("create")
            .addJavadoc("A publisher without subscribers, with the given name, error handler and default executor.\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .addTypeVariables(typeVariables)
            .returns(selfType())
            .addParameter(PUBLISHER_OPTIONS, "options")
            .addStatement("return new $T(options)", selfType())
            .build())
        .addMethod(MethodSpec.methodBuilder("subscribe")
            .addJavadoc("Subscribes {@code subscriber} to every event, delivered synchronously: on the publishing\n"
                + "thread, after the subscribers registered before it.\n")
            .addModifiers(Modifier.PUBLIC)
            .returns(SUBSCRIPTION)
            .addParameter(apiName, "subscriber")
            .addStatement("return subscribe(subscriber, $T.sync())", DELIVERY)
            .build())
        .addMethod(MethodSpec.methodBuilder("subscribe")
            .addJavadoc("Subscribes {@code subscriber} to every event, delivered as {@code delivery} says.\n")
            .addModifiers(Modifier.PUBLIC)
            .returns(SUBSCRIPTION)
            .addParameter(apiName, "subscriber")
            .addParameter(DELIVERY, "delivery")
            .addStatement("return dispatcher.subscribe(subscriber, subscriber, delivery, $T::new)", queueingClass)
            .build());
    for (Event event : events) {
      publisher.addMethod(onEventSync(event)).addMethod(onEvent(event));
    }
    for (Event event : events) {
      publisher.addMethod(publish(event));
    }
    publisher
        .addMethod(MethodSpec.methodBuilder("close")
            .addJavadoc("Stops publishing: waits until every asynchronous subscriber has received the events queued\n"
                + "for it, then removes every subscriber. Publishing or subscribing afterwards throws\n"
                + "{@link IllegalStateException}. Idempotent. Called from an asynchronous subscriber it does not\n"
                + "wait (a sibling queue may need that very thread); interrupted, it stops waiting.\n")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .addStatement("dispatcher.close()")
            .build())
        .addMethod(MethodSpec.methodBuilder("toString")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(String.class)
            .addStatement("return $S + dispatcher + $S", publisherClass.simpleName() + "[", "]")
            .build());
    for (Event event : events) {
      publisher.addType(listenerType(event));
    }
    for (Event event : events) {
      publisher.addType(adapterType(event));
    }
    publisher.addType(queueingType());
    publisher.addType(ignoringType());
    for (Event event : events) {
      publisher.addType(queuedType(event));
    }
    return GeneratedFiles.javaFile(publisherClass, publisher.build());
  }

  private CodeBlock javadoc() {
    return CodeBlock.builder()
        .add("Publishes the events of {@link $T} to its subscribers; generated from its {@code @Publisher}\n", ClassName.get(api))
        .add("annotation.\n\n")
        .add("<p>Each event method delivers its call to every subscriber and listener, in registration order:\n")
        .add("synchronous ones on the calling thread before it returns, asynchronous ones through their own\n")
        .add("queues. A subscriber that throws does not stop the others, and the caller never sees its error,\n")
        .add("which goes to the error handler of the {@code PublisherOptions}. Subscribing and unsubscribing\n")
        .add("are safe at any time, also during a delivery. Calls go through generated code, without reflection.\n")
        .build();
  }

  private TypeName selfType() {
    return GeneratedNames.parameterized(publisherClass, typeVariables);
  }

  /** {@code <Event>Listener}, with the interface's type variables. */
  private TypeName listenerOf(Event event) {
    return GeneratedNames.parameterized(event.listener, typeVariables);
  }

  private MethodSpec onEventSync(Event event) {
    return MethodSpec.methodBuilder("on" + PublisherModel.capitalised(event.method))
        .addJavadoc("Subscribes {@code listener} to {@code $L} events only, delivered synchronously.\n", event.name())
        .addModifiers(Modifier.PUBLIC)
        .returns(SUBSCRIPTION)
        .addParameter(listenerOf(event), "listener")
        .addStatement("return on$L(listener, $T.sync())", PublisherModel.capitalised(event.method), DELIVERY)
        .build();
  }

  private MethodSpec onEvent(Event event) {
    return MethodSpec.methodBuilder("on" + PublisherModel.capitalised(event.method))
        .addJavadoc("Subscribes {@code listener} to {@code $L} events only, delivered as {@code delivery} says;\n"
            + "an asynchronous listener's queue holds its events only.\n", event.name())
        .addModifiers(Modifier.PUBLIC)
        .returns(SUBSCRIPTION)
        .addParameter(listenerOf(event), "listener")
        .addParameter(DELIVERY, "delivery")
        .addStatement("return dispatcher.subscribe(listener, new $T(listener), delivery,\n$>$>queue -> new $T(new $T(queue)::$L))$<$<",
            GeneratedNames.parameterized(event.adapter, typeVariables), GeneratedNames.parameterized(event.adapter, typeVariables),
            GeneratedNames.parameterized(queueingClass, typeVariables), event.name())
        .build();
  }

  /**
   * The event method of the publisher: one plain call per subscriber, errors reported. A closed
   * subscription's target is the {@code Ignoring} instance, so no check precedes the call.
   */
  private MethodSpec publish(Event event) {
    Set<String> taken = new HashSet<>(event.parameterNames);
    String registration = GeneratedNames.fresh("registration", taken);
    String e = GeneratedNames.fresh("e", taken);
    return implementation(event, false)
        .beginControlFlow("for ($T $L : $L.registrations())", ParameterizedTypeName.get(REGISTRATION, apiName), registration,
            event.field("dispatcher"))
        .beginControlFlow("try")
        .addStatement("$L.target().$L($L)", registration, event.name(), event.arguments())
        .nextControlFlow("catch ($T $L)", Throwable.class, e)
        .addStatement("$L.failed($L, $S, $L, new Object[] {$L})", event.field("dispatcher"), registration, event.name(), e,
            event.arguments())
        .endControlFlow()
        .endControlFlow()
        .build();
  }

  /** {@code <Event>Listener}: a functional interface with the event method's signature. */
  private TypeSpec listenerType(Event event) {
    MethodSpec.Builder method = MethodSpec.methodBuilder(event.name())
        .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
        .varargs(event.method.isVarArgs());
    addParameters(method, event);
    if (GeneratedNames.hasGenericVarargs(event.method, event.resolved)) {
      // As on the event method itself: an abstract method cannot be @SafeVarargs.
      method.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked").build());
    }
    for (TypeMirror thrown : event.resolved.getThrownTypes()) {
      method.addException(TypeName.get(thrown));
    }
    return TypeSpec.interfaceBuilder(event.listener)
        .addJavadoc("Receives {@code $L} events; subscribe one with {@link #on$L}.\n", event.name(), PublisherModel.capitalised(event.method))
        .addAnnotation(FunctionalInterface.class)
        .addModifiers(Modifier.PUBLIC)
        .addTypeVariables(typeVariables)
        .addMethod(method.build())
        .build();
  }

  /** A listener seen as a subscriber: it receives its one event and ignores the others. */
  private TypeSpec adapterType(Event listened) {
    TypeSpec.Builder adapter = TypeSpec.classBuilder(listened.adapter)
        .addJavadoc("Adapts {@link $T} to a subscriber that ignores the other events.\n", listened.listener)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addTypeVariables(typeVariables)
        .addSuperinterface(apiName)
        .addField(listenerOf(listened), "listener", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder()
            .addParameter(listenerOf(listened), "listener")
            .addStatement("this.listener = listener")
            .build());
    for (Event event : events) {
      MethodSpec.Builder method = implementation(event, event == listened);
      if (event == listened) {
        method.addStatement("$L.$L($L)", event.field("listener"), event.name(), event.arguments());
      }
      adapter.addMethod(method.build());
    }
    addNoOpClose(adapter);
    return adapter.build();
  }

  /** What an asynchronous subscriber is called through: each event becomes a queued event. */
  private TypeSpec queueingType() {
    TypeName queueType = ParameterizedTypeName.get(EVENT_QUEUE, apiName);
    TypeSpec.Builder queueing = TypeSpec.classBuilder(queueingClass)
        .addJavadoc("Queues each event for an asynchronous subscriber.\n")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addTypeVariables(typeVariables)
        .addSuperinterface(apiName)
        .addField(queueType, "queue", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder()
            .addParameter(queueType, "queue")
            .addStatement("this.queue = queue")
            .build());
    for (Event event : events) {
      queueing.addMethod(implementation(event, false)
          .addStatement("$L.offer(new $T($L))", event.field("queue"), GeneratedNames.parameterized(event.queued, typeVariables),
              event.arguments())
          .build());
    }
    addNoOpClose(queueing);
    return queueing.build();
  }

  /**
   * For an interface that extends {@link AutoCloseable}: its {@code close()} is not an event, and the
   * publisher never closes a subscriber, so the nested implementations' {@code close()} does nothing.
   */
  private void addNoOpClose(TypeSpec.Builder type) {
    if (closeable) {
      type.addMethod(MethodSpec.methodBuilder("close")
          .addAnnotation(Override.class)
          .addModifiers(Modifier.PUBLIC)
          .build());
    }
  }

  /** The target of a closed subscription: every event is ignored. */
  private TypeSpec ignoringType() {
    TypeSpec.Builder ignoring = TypeSpec.classBuilder(ignoringClass)
        .addJavadoc("What a closed subscription delivers to: every event is ignored.\n")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addTypeVariables(typeVariables)
        .addSuperinterface(apiName);
    for (Event event : events) {
      ignoring.addMethod(implementation(event, false).build());
    }
    addNoOpClose(ignoring);
    return ignoring.build();
  }

  /** One {@code event} call waiting in a queue, its arguments in typed fields. */
  private TypeSpec queuedType(Event event) {
    TypeSpec.Builder queued = TypeSpec.classBuilder(event.queued)
        .addJavadoc("One {@code $L} event waiting in an asynchronous subscriber's queue.\n", event.name())
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addTypeVariables(typeVariables)
        .superclass(ParameterizedTypeName.get(QUEUED_EVENT, apiName));
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
    for (int i = 0; i < event.parameterNames.size(); i++) {
      String name = event.parameterNames.get(i);
      TypeName type = TypeName.get(event.resolved.getParameterTypes().get(i));
      queued.addField(type, name, Modifier.PRIVATE, Modifier.FINAL);
      constructor.addParameter(type, name).addStatement("this.$L = $L", name, name);
    }
    String subscriber = GeneratedNames.fresh("subscriber", new HashSet<>(event.parameterNames));
    MethodSpec.Builder deliver = MethodSpec.methodBuilder("deliverTo")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PROTECTED)
        .addParameter(apiName, subscriber)
        .addStatement("$L.$L($L)", subscriber, event.name(), event.arguments());
    if (!event.resolved.getThrownTypes().isEmpty()) {
      deliver.addException(Throwable.class);
    }
    return queued
        .addMethod(constructor.build())
        .addMethod(deliver.build())
        .addMethod(MethodSpec.methodBuilder("event")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PROTECTED)
            .returns(String.class)
            .addStatement("return $S", event.name())
            .build())
        .addMethod(MethodSpec.methodBuilder("arguments")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PROTECTED)
            .returns(Object[].class)
            .addStatement("return new Object[] {$L}", event.arguments())
            .build())
        .build();
  }

  /**
   * An implementation of the event method; it declares the method's exceptions only when
   * {@code throwing}, so that publishing never makes the caller catch what it cannot throw.
   */
  private MethodSpec.Builder implementation(Event event, boolean throwing) {
    MethodSpec.Builder method = MethodSpec.methodBuilder(event.name())
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .varargs(event.method.isVarArgs());
    addParameters(method, event);
    if (GeneratedNames.hasGenericVarargs(event.method, event.resolved)) {
      // The array is only passed on, to the subscriber or into a queued event: no heap pollution here.
      method.addAnnotation(SafeVarargs.class)
          .addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "varargs").build())
          .addModifiers(Modifier.FINAL);
    }
    if (throwing) {
      event.resolved.getThrownTypes().forEach(thrown -> method.addException(TypeName.get(thrown)));
    }
    return method;
  }

  private void addParameters(MethodSpec.Builder method, Event event) {
    List<? extends VariableElement> parameters = event.method.getParameters();
    for (int i = 0; i < parameters.size(); i++) {
      method.addParameter(ParameterSpec.builder(TypeName.get(event.resolved.getParameterTypes().get(i)),
          event.parameterNames.get(i)).build());
    }
  }
}
