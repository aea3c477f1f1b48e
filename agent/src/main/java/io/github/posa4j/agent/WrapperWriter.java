package io.github.posa4j.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.bytebuddy.jar.asm.AnnotationVisitor;
import net.bytebuddy.jar.asm.Attribute;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.ConstantDynamic;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;
import net.bytebuddy.jar.asm.TypePath;

/**
 * Weaves a class while it loads, with ASM alone: each planned method keeps its bytecode under a
 * new private name, {@code <name>$posa4j$body}, and a method with the original name, descriptor,
 * modifiers and annotations takes its place, running the first attempt of the runtime's call
 * protocol around a call of the body, exactly as a generated decorator does around {@code super},
 * and handing a failure to {@link Woven#afterFailure}, with the body as a lambda to run again for
 * each retry:
 *
 * <pre>{@code
 * FaultTolerance policies = <dynamic constant: Woven.policies(lookup of Owner, ID)>;
 * try {
 *   Permit permit = policies.enter();
 *   try { result = body(args); } catch (Throwable t) { throw policies.failed(permit, t); }
 *   policies.succeeded(permit);
 *   return result;
 * } catch (Throwable failure) {
 *   return (R) Woven.afterFailure(ID, Owner.class, this, args, failure, () -> body(args));
 * }
 * }</pre>
 *
 * An asynchronous method becomes {@code return Woven.callAsync(ID, Owner.class, this, args)}.
 * Adding the body methods changes the class's shape, so this serves only classes being defined;
 * classes already loaded get {@link AdviceWriter}'s in-place advice. Untouched methods are copied
 * as they are; the new methods carry their own stack map frames.
 */
final class WrapperWriter {
  static final String BODY_SUFFIX = "$posa4j$body";

  private static final String WOVEN = "io/github/posa4j/agent/Woven";
  private static final String FAULT_TOLERANCE = "io/github/posa4j/resilience/FaultTolerance";
  private static final String PERMIT = "io/github/posa4j/resilience/internal/Permit";
  private static final String THROWABLE = "java/lang/Throwable";
  private static final String ATTEMPT = "io/github/posa4j/resilience/internal/Attempt";
  private static final String VOID_BODY = "io/github/posa4j/agent/VoidBody";
  private static final Handle LAMBDA_BOOTSTRAP = new Handle(Opcodes.H_INVOKESTATIC, "java/lang/invoke/LambdaMetafactory",
      "metafactory", "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;"
      + "Ljava/lang/invoke/MethodType;Ljava/lang/invoke/MethodHandle;Ljava/lang/invoke/MethodType;)"
      + "Ljava/lang/invoke/CallSite;", false);
  private static final Handle POLICIES_BOOTSTRAP = new Handle(Opcodes.H_INVOKESTATIC, WOVEN, "policies",
      "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;I)L" + FAULT_TOLERANCE + ";", false);

  private WrapperWriter() {}

  /** Whether this writer can weave a class file of this version and kind. */
  static boolean supports(byte[] classFile) {
    int major = ((classFile[6] & 0xFF) << 8) | (classFile[7] & 0xFF);
    ClassReader reader = new ClassReader(classFile);
    return major >= Opcodes.V1_7 && (reader.getAccess() & Opcodes.ACC_INTERFACE) == 0;
  }

  /** The class file with each method of {@code methods} (keyed by name and descriptor, e.g. {@code charge(J)V}) wrapped. */
  static byte[] write(byte[] classFile, Map<String, Wrapped> methods) {
    ClassReader reader = new ClassReader(classFile);
    ClassWriter writer = new ClassWriter(reader, 0);
    reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
      private String owner;
      private int version;

      @Override
      public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        this.owner = name;
        this.version = version;
        super.visit(version, access, name, signature, superName, interfaces);
      }

      @Override
      public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
        Wrapped wrapped = methods.get(name + descriptor);
        if (wrapped == null) {
          return super.visitMethod(access, name, descriptor, signature, exceptions);
        }
        // The body keeps `synchronized`: a lock held across retries and their delays would be a surprise.
        MethodVisitor wrapper = super.visitMethod(access & ~Opcodes.ACC_SYNCHRONIZED, name, descriptor, signature, exceptions);
        int bodyAccess = (access & (Opcodes.ACC_STATIC | Opcodes.ACC_VARARGS | Opcodes.ACC_SYNCHRONIZED | Opcodes.ACC_STRICT))
            | Opcodes.ACC_PRIVATE | Opcodes.ACC_SYNTHETIC;
        MethodVisitor body = super.visitMethod(bodyAccess, name + BODY_SUFFIX, descriptor, null, exceptions);
        return new Splitter(body, wrapper, () -> {
          Method method = new Method(owner, version, name, descriptor, (access & Opcodes.ACC_STATIC) != 0, wrapped);
          if (wrapped.async()) {
            method.writeAsync(wrapper);
          } else {
            method.writeSync(wrapper);
          }
        });
      }
    }, 0);
    return writer.toByteArray();
  }

  /** A method to wrap: its index in {@link Woven}, and whether it returns a {@code CompletionStage}. */
  record Wrapped(int id, boolean async) {}

  /**
   * Sends a method's code to the body and its annotations, parameters and attributes to the
   * wrapper, then has the wrapper written.
   */
  private static final class Splitter extends MethodVisitor {
    private final MethodVisitor wrapper;
    private final Runnable writeWrapper;

    Splitter(MethodVisitor body, MethodVisitor wrapper, Runnable writeWrapper) {
      super(Opcodes.ASM9, body);
      this.wrapper = wrapper;
      this.writeWrapper = writeWrapper;
    }

    @Override
    public void visitParameter(String name, int access) {
      wrapper.visitParameter(name, access);
    }

    @Override
    public AnnotationVisitor visitAnnotationDefault() {
      return wrapper.visitAnnotationDefault();
    }

    @Override
    public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
      return wrapper.visitAnnotation(descriptor, visible);
    }

    @Override
    public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String descriptor, boolean visible) {
      return wrapper.visitTypeAnnotation(typeRef, typePath, descriptor, visible);
    }

    @Override
    public void visitAnnotableParameterCount(int parameterCount, boolean visible) {
      wrapper.visitAnnotableParameterCount(parameterCount, visible);
    }

    @Override
    public AnnotationVisitor visitParameterAnnotation(int parameter, String descriptor, boolean visible) {
      return wrapper.visitParameterAnnotation(parameter, descriptor, visible);
    }

    @Override
    public void visitAttribute(Attribute attribute) {
      wrapper.visitAttribute(attribute);
    }

    @Override
    public void visitEnd() {
      super.visitEnd();
      writeWrapper.run();
    }
  }

  /** Writes the wrapper of one method. */
  private static final class Method {
    private final String owner;
    private final int version;
    private final String name;
    private final String descriptor;
    private final boolean isStatic;
    private final Wrapped wrapped;
    private final Type[] parameters;
    private final Type returned;
    private final List<Object> argumentFrame = new ArrayList<>();
    private final int argumentSlots;

    Method(String owner, int version, String name, String descriptor, boolean isStatic, Wrapped wrapped) {
      this.owner = owner;
      this.version = version;
      this.name = name;
      this.descriptor = descriptor;
      this.isStatic = isStatic;
      this.wrapped = wrapped;
      this.parameters = Type.getArgumentTypes(descriptor);
      this.returned = Type.getReturnType(descriptor);
      int slots = 0;
      if (!isStatic) {
        argumentFrame.add(owner);
        slots++;
      }
      for (Type parameter : parameters) {
        argumentFrame.add(frameType(parameter));
        slots += parameter.getSize();
      }
      this.argumentSlots = slots;
    }

    void writeAsync(MethodVisitor mv) {
      mv.visitCode();
      pushIdOwnerSelfAndArguments(mv);
      mv.visitMethodInsn(Opcodes.INVOKESTATIC, WOVEN, "callAsync",
          "(ILjava/lang/Class;Ljava/lang/Object;[Ljava/lang/Object;)Ljava/util/concurrent/CompletableFuture;", false);
      mv.visitInsn(Opcodes.ARETURN);
      mv.visitMaxs(argumentSlots + 8, argumentSlots);
      mv.visitEnd();
    }

    void writeSync(MethodVisitor mv) {
      int policies = argumentSlots;
      int permit = policies + 1;
      int failure = policies + 2;
      int result = policies + 3;
      Label attemptStart = new Label();
      Label bodyStart = new Label();
      Label bodyEnd = new Label();
      Label bodyFailed = new Label();
      Label attemptEnd = new Label();
      Label attemptFailed = new Label();
      mv.visitCode();
      mv.visitTryCatchBlock(bodyStart, bodyEnd, bodyFailed, THROWABLE);
      mv.visitTryCatchBlock(attemptStart, attemptEnd, attemptFailed, THROWABLE);
      pushPolicies(mv);
      mv.visitVarInsn(Opcodes.ASTORE, policies);

      mv.visitLabel(attemptStart);
      mv.visitVarInsn(Opcodes.ALOAD, policies);
      mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, FAULT_TOLERANCE, "enter", "()L" + PERMIT + ";", false);
      mv.visitVarInsn(Opcodes.ASTORE, permit);
      mv.visitLabel(bodyStart);
      loadArguments(mv);
      mv.visitMethodInsn(isStatic ? Opcodes.INVOKESTATIC : Opcodes.INVOKESPECIAL, owner, name + BODY_SUFFIX, descriptor, false);
      if (returned.getSort() != Type.VOID) {
        mv.visitVarInsn(returned.getOpcode(Opcodes.ISTORE), result);
      }
      mv.visitLabel(bodyEnd);
      mv.visitVarInsn(Opcodes.ALOAD, policies);
      mv.visitVarInsn(Opcodes.ALOAD, permit);
      mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, FAULT_TOLERANCE, "succeeded", "(L" + PERMIT + ";)V", false);
      if (returned.getSort() != Type.VOID) {
        mv.visitVarInsn(returned.getOpcode(Opcodes.ILOAD), result);
      }
      mv.visitInsn(returned.getOpcode(Opcodes.IRETURN));

      // The body threw: record it, and fail the attempt with what it failed with (maybe a timeout).
      mv.visitLabel(bodyFailed);
      frame(mv, List.of(FAULT_TOLERANCE, PERMIT), List.of(THROWABLE));
      mv.visitVarInsn(Opcodes.ASTORE, failure);
      mv.visitVarInsn(Opcodes.ALOAD, policies);
      mv.visitVarInsn(Opcodes.ALOAD, permit);
      mv.visitVarInsn(Opcodes.ALOAD, failure);
      mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, FAULT_TOLERANCE, "failed",
          "(L" + PERMIT + ";L" + THROWABLE + ";)L" + THROWABLE + ";", false);
      mv.visitInsn(Opcodes.ATHROW);
      mv.visitLabel(attemptEnd);

      // The first attempt failed (refused, thrown or timed out): the runtime finishes the call,
      // running the body again, as a lambda, for each retry.
      mv.visitLabel(attemptFailed);
      frame(mv, List.of(FAULT_TOLERANCE), List.of(THROWABLE));
      mv.visitVarInsn(Opcodes.ASTORE, failure);
      pushIdOwnerSelfAndArguments(mv);
      mv.visitVarInsn(Opcodes.ALOAD, failure);
      pushBodyLambda(mv);
      String head = "(ILjava/lang/Class;Ljava/lang/Object;[Ljava/lang/Object;L" + THROWABLE + ";";
      if (returned.getSort() == Type.VOID) {
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, WOVEN, "afterVoidFailure", head + "L" + VOID_BODY + ";)V", false);
        mv.visitInsn(Opcodes.RETURN);
      } else {
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, WOVEN, "afterFailure", head + "L" + ATTEMPT + ";)Ljava/lang/Object;", false);
        returnObjectAs(mv);
      }
      mv.visitMaxs(argumentSlots + 8, result + returned.getSize());
      mv.visitEnd();
    }

    /**
     * Pushes a lambda that calls the body method with this call's receiver and arguments: an
     * {@code Attempt} (its result boxed), or a {@code VoidBody} for a {@code void} method.
     */
    private void pushBodyLambda(MethodVisitor mv) {
      loadArguments(mv);
      String captured = (isStatic ? "(" : "(L" + owner + ";") + descriptor.substring(1, descriptor.indexOf(')') + 1);
      boolean isVoid = returned.getSort() == Type.VOID;
      Type run = isVoid ? Type.getMethodType("()V") : Type.getMethodType("()Ljava/lang/Object;");
      Handle body = new Handle(isStatic ? Opcodes.H_INVOKESTATIC : Opcodes.H_INVOKESPECIAL, owner, name + BODY_SUFFIX,
          descriptor, false);
      mv.visitInvokeDynamicInsn("run", captured + "L" + (isVoid ? VOID_BODY : ATTEMPT) + ";", LAMBDA_BOOTSTRAP,
          run, body, run);
    }

    /**
     * Pushes the method's policies. From Java 11 class files on, a dynamic constant: resolved on
     * the first call, then a constant the JIT folds, as it folds a generated decorator's
     * {@code static final} field; before, a call of {@code Woven.policies}.
     */
    private void pushPolicies(MethodVisitor mv) {
      if ((version & 0xFFFF) >= Opcodes.V11) {
        mv.visitLdcInsn(new ConstantDynamic("policies", "L" + FAULT_TOLERANCE + ";", POLICIES_BOOTSTRAP, wrapped.id()));
      } else {
        mv.visitLdcInsn(wrapped.id());
        mv.visitLdcInsn(Type.getObjectType(owner));
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, WOVEN, "policies", "(ILjava/lang/Class;)L" + FAULT_TOLERANCE + ";", false);
      }
    }

    private void frame(MethodVisitor mv, List<Object> locals, List<Object> stack) {
      List<Object> all = new ArrayList<>(argumentFrame);
      all.addAll(locals);
      mv.visitFrame(Opcodes.F_NEW, all.size(), all.toArray(), stack.size(), stack.toArray());
    }

    private void loadArguments(MethodVisitor mv) {
      int slot = 0;
      if (!isStatic) {
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        slot++;
      }
      for (Type parameter : parameters) {
        mv.visitVarInsn(parameter.getOpcode(Opcodes.ILOAD), slot);
        slot += parameter.getSize();
      }
    }

    /** Pushes the index, the owner class, {@code this} (or null) and the arguments boxed in an {@code Object[]}. */
    private void pushIdOwnerSelfAndArguments(MethodVisitor mv) {
      mv.visitLdcInsn(wrapped.id());
      mv.visitLdcInsn(Type.getObjectType(owner));
      if (isStatic) {
        mv.visitInsn(Opcodes.ACONST_NULL);
      } else {
        mv.visitVarInsn(Opcodes.ALOAD, 0);
      }
      mv.visitLdcInsn(parameters.length);
      mv.visitTypeInsn(Opcodes.ANEWARRAY, "java/lang/Object");
      int slot = isStatic ? 0 : 1;
      for (int i = 0; i < parameters.length; i++) {
        mv.visitInsn(Opcodes.DUP);
        mv.visitLdcInsn(i);
        mv.visitVarInsn(parameters[i].getOpcode(Opcodes.ILOAD), slot);
        box(mv, parameters[i]);
        mv.visitInsn(Opcodes.AASTORE);
        slot += parameters[i].getSize();
      }
    }

    /** Returns the {@code Object} on the stack as this method's return type, unboxing primitives. */
    private void returnObjectAs(MethodVisitor mv) {
      switch (returned.getSort()) {
        case Type.VOID -> {
          mv.visitInsn(Opcodes.POP);
          mv.visitInsn(Opcodes.RETURN);
          return;
        }
        case Type.OBJECT, Type.ARRAY -> mv.visitTypeInsn(Opcodes.CHECKCAST, returned.getInternalName());
        default -> {
          Type boxed = boxed(returned);
          mv.visitTypeInsn(Opcodes.CHECKCAST, boxed.getInternalName());
          mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, boxed.getInternalName(), returned.getClassName() + "Value",
              "()" + returned.getDescriptor(), false);
        }
      }
      mv.visitInsn(returned.getOpcode(Opcodes.IRETURN));
    }

    private static void box(MethodVisitor mv, Type type) {
      if (type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY) {
        return;
      }
      Type boxed = boxed(type);
      mv.visitMethodInsn(Opcodes.INVOKESTATIC, boxed.getInternalName(), "valueOf",
          "(" + type.getDescriptor() + ")" + boxed.getDescriptor(), false);
    }

    private static Type boxed(Type primitive) {
      return Type.getObjectType(switch (primitive.getSort()) {
        case Type.BOOLEAN -> "java/lang/Boolean";
        case Type.BYTE -> "java/lang/Byte";
        case Type.CHAR -> "java/lang/Character";
        case Type.SHORT -> "java/lang/Short";
        case Type.INT -> "java/lang/Integer";
        case Type.LONG -> "java/lang/Long";
        case Type.FLOAT -> "java/lang/Float";
        case Type.DOUBLE -> "java/lang/Double";
        default -> throw new IllegalArgumentException("not a primitive: " + primitive);
      });
    }

    private static Object frameType(Type type) {
      return switch (type.getSort()) {
        case Type.BOOLEAN, Type.BYTE, Type.CHAR, Type.SHORT, Type.INT -> Opcodes.INTEGER;
        case Type.LONG -> Opcodes.LONG;
        case Type.FLOAT -> Opcodes.FLOAT;
        case Type.DOUBLE -> Opcodes.DOUBLE;
        default -> type.getInternalName();
      };
    }
  }
}
