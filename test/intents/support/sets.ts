export { loadTestSet, loadTrainingSet } from '../../../intents/training-data';
export { TASK_INTENTS as TASK_INTENTS_FOR_TESTS } from '../../../intents/types';
