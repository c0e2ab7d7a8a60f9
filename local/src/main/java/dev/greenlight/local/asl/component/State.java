package dev.greenlight.local.asl.component;

/** One state of a program, of one of the eight types the spec defines. */
public sealed interface State permits PassState, TaskState, ChoiceState, WaitState, SucceedState, FailState,
        ParallelState, MapState {

    String name();

    DataFlow dataFlow();

    /** The ASL type name, as history events use it ("Pass", "Task", ...). */
    String type();
}
