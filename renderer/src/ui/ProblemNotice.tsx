// A refusal as a person reads it: the sentence in their language, and for a profile that is
// not consistent, one line per problem found.
import { useTranslation } from 'react-i18next';
import { type Problem } from './problem.ts';

export function ProblemNotice({ problem, id }: { problem: Problem | null; id?: string }) {
  const { t } = useTranslation();
  if (!problem) return null;
  return (
    <div className="notice error" role="alert" id={id}>
      <p className="problem-text">{t(problem.key, problem.values)}</p>
      {problem.details.length > 0 ? (
        <ul>
          {problem.details.map((detail, i) => (
            <li key={i}>{t(detail.key, detail.values)}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
